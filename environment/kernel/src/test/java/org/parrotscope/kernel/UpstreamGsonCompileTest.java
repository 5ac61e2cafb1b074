package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's sources compile against gson 2.8.5, the version upstream IJava 1.3 bundles unrelocated and
 * puts ahead of the notebook class path (IJava issue #130): any newer gson call in our code would be a
 * {@code NoSuchMethodError} in a notebook there. Catches every call site, not only the ones a test runs.
 */
class UpstreamGsonCompileTest {

    @Test
    void librarySources_compileAgainstGson285(@TempDir Path out) throws Exception {
        Path gson = Path.of("target/gson-2.8.5/gson-2.8.5.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(gson), "missing " + gson + " (copied by the kernel pom)");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // the library's own classes and the newer gson are left out: the sources are compiled, gson is 2.8.5
        List<String> entries = Arrays.stream(cp.split(File.pathSeparator))
                .filter(e -> !Path.of(e).getFileName().toString().startsWith("gson-"))
                .filter(e ->
                        !e.contains("parrotscope-lib") && !e.replace('\\', '/').endsWith("lib/target/classes"))
                .collect(Collectors.toCollection(ArrayList::new));
        entries.add(0, gson.toString());
        List<String> sources;
        try (Stream<Path> files = Files.walk(JupyterSetup.root().resolve("lib/src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .map(Path::toString)
                    .toList();
        }
        List<String> args = new ArrayList<>(List.of(
                "--release",
                "17",
                "-proc:none",
                "-encoding",
                "UTF-8",
                "-nowarn",
                "-d",
                out.toString(),
                "-cp",
                String.join(File.pathSeparator, entries)));
        args.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, args.toArray(String[]::new));
        assertTrue(
                rc == 0,
                "the library does not compile against gson 2.8.5:\n" + errors.toString(StandardCharsets.UTF_8));
        assertTrue(sources.size() > 100, "found only " + sources.size() + " sources");
    }
}
