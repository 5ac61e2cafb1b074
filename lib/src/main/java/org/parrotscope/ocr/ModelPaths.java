package org.parrotscope.ocr;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where downloaded models live: {@code PARROTSCOPE_MODELS} (environment variable or system property
 * {@code parrotscope.models}), else {@code <repo>/models}, installed by {@code environment/bootstrap}.
 * The repository root is the system property {@code parrotscope.root}, else the first folder above this
 * code's location (or the working directory) that holds {@code environment/bootstrap}.
 */
public final class ModelPaths {

    private ModelPaths() {}

    /** @return the models folder (it may not exist yet) */
    public static Path modelsRoot() {
        String prop = System.getProperty("parrotscope.models");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("PARROTSCOPE_MODELS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return repoRoot().resolve("models");
    }

    /** @return the repository root, best effort (the working directory when nothing better is found) */
    public static Path repoRoot() {
        String prop = System.getProperty("parrotscope.root");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path found = findUp(codeLocation());
        if (found == null) {
            found = findUp(Path.of("").toAbsolutePath());
        }
        return found != null ? found : Path.of("").toAbsolutePath();
    }

    private static Path codeLocation() {
        try {
            CodeSource cs = ModelPaths.class.getProtectionDomain().getCodeSource();
            return cs == null ? null : Path.of(cs.getLocation().toURI());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Path findUp(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("environment/bootstrap"))) {
                return p;
            }
        }
        return null;
    }
}
