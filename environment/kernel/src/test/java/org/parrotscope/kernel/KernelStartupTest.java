package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.viz.Notebook;

/** The IJava environment variables take effect at start, and the library's Notebook finds this kernel. */
class KernelStartupTest {

    @TempDir
    Path tmp;

    @Test
    void ijavaVariables_shapeTheStartedKernel() throws Exception {
        Path src = tmp.resolve("src/startup/Lib.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package startup; public class Lib { public static int seven() { return 7; } }");
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        assertEquals(
                0,
                ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()));
        Files.writeString(tmp.resolve("a.jshell"), "int fromScriptA = 1;");
        Files.writeString(tmp.resolve("b.jshell"), "int fromScriptB = fromScriptA + 1;");
        KernelConfig config = KernelConfig.fromEnv(Map.of(
                "IJAVA_CLASSPATH",
                classes.toString(),
                "IJAVA_STARTUP_SCRIPTS_PATH",
                tmp.resolve("a.jshell") + File.pathSeparator + tmp.resolve("b.jshell"),
                "IJAVA_STARTUP_SCRIPT",
                "int fromStartup = startup.Lib.seven() * fromScriptB;",
                "IJAVA_COMPILER_OPTS",
                "-parameters"));
        try (ParrotKernel k = new ParrotKernel(config)) {
            assertEquals(14, k.evalRaw("fromStartup"));
            // -parameters keeps parameter names in class files: "width" instead of "arg0".
            k.evalRaw("class Box { void resize(int width) {} }");
            assertEquals(
                    "width",
                    k.evalRaw("Box.class.getDeclaredMethod(\"resize\", int.class).getParameters()[0].getName()"));
            assertSame(k, Notebook.kernel().orElseThrow());
            assertSame(k, ParrotKernel.current().orElseThrow());
        }
    }
}
