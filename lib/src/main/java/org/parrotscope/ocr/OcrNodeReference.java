package org.parrotscope.ocr;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.parrotscope.util.Json;

/**
 * The outside reference of {@code bench ocr --node}: {@code @gutenye/ocr-node@1.4.8}, the same PP-OCRv4 models on
 * ONNX Runtime for Node (its own pre- and post-processing, no enlargement of small images), run on the same
 * images in one Node process with ONNX Runtime's default threads. Installed by {@code
 * environment/ocr-node-install.sh} into {@code <models>/ocr-node}; nothing else needs it.
 */
public final class OcrNodeReference {

    /** Row label. */
    public static final String NAME = "@gutenye/ocr-node";

    private static final String SCRIPT = "ocr-node-spot.mjs";

    private OcrNodeReference() {}

    /** @return the default install folder, {@code <models>/ocr-node} */
    public static Path defaultDir() {
        return ModelPaths.modelsRoot().resolve("ocr-node");
    }

    /**
     * Spots the images with the Node package and compares with the truth. Words are the lines split at spaces
     * (the package gives line texts only); timing excludes model loading and one warm-up image.
     *
     * @param dir the install folder holding {@code node_modules/@gutenye/ocr-node}
     * @param set the images with truth
     * @return the row (CPU time unknown: NaN)
     * @throws IOException when the package is missing (the message says how to install it) or Node fails
     */
    public static OcrComparison.Row measure(Path dir, List<OcrComparison.Truthed> set) throws IOException {
        if (!Files.isRegularFile(dir.resolve("node_modules/@gutenye/ocr-node/package.json"))) {
            throw new IOException("@gutenye/ocr-node is not installed in " + dir
                    + ": run environment/ocr-node-install.sh (npm, ONNXRUNTIME_NODE_INSTALL_CUDA=skip)");
        }
        Path script = dir.resolve(SCRIPT);
        try (InputStream in = OcrNodeReference.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SCRIPT + " missing from the classpath");
            }
            Path tmp = Files.createTempFile(dir, SCRIPT, ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, script, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Path images = Files.createTempDirectory("ocr-node-");
        try {
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                Path p = images.resolve(String.format("%05d.png", i));
                ImageIO.write(set.get(i).image(), "png", p.toFile());
                paths.add(p.toString());
            }
            Path list = images.resolve("list.txt");
            Files.write(list, paths, StandardCharsets.UTF_8);
            return run(dir, script, list, set);
        } finally {
            try (var files = Files.list(images)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(images);
        }
    }

    private static OcrComparison.Row run(Path dir, Path script, Path list, List<OcrComparison.Truthed> set)
            throws IOException {
        Process p = new ProcessBuilder("node", script.toString(), list.toString())
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<List<SpottedWord>> spotted = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            spotted.add(List.of());
        }
        double seconds = Double.NaN;
        try (var reader = p.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonObject o = Json.parse(line).getAsJsonObject();
                if (o.has("seconds")) {
                    seconds = o.get("seconds").getAsDouble();
                } else {
                    int i = o.get("i").getAsInt();
                    spotted.set(i, words(o.getAsJsonArray("texts"), set.get(i)));
                }
            }
        }
        try {
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0 || Double.isNaN(seconds)) {
                throw new IOException(
                        "node " + script + " failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            p.destroy();
        }
        return new OcrComparison.Row(NAME, set.size(), 1, seconds, Double.NaN, OcrComparison.accuracy(set, spotted));
    }

    /** A line's words at spaces; the package gives no word boxes, so each carries the whole image's box. */
    private static List<SpottedWord> words(JsonArray texts, OcrComparison.Truthed t) {
        Box all = new Box(0, 0, t.image().getWidth(), t.image().getHeight());
        List<SpottedWord> out = new ArrayList<>();
        for (var e : texts) {
            for (String w : e.getAsString().trim().split("\\s+")) {
                if (!w.isEmpty() && w.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    out.add(SpottedWord.ofBox(w, 1f, all));
                }
            }
        }
        return out;
    }
}
