package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IJava's magics against real files: classes compiled here, a jar written here, and Maven artifacts
 * from the local repository (resolved offline when present, as {@code %maven} promises).
 */
class KernelMagicsTest {

    private static ParrotKernel kernel;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        kernel = new ParrotKernel(KernelConfig.defaults());
    }

    @AfterAll
    static void stop() {
        kernel.close();
    }

    private static Path compile(String pkg, String cls, String body) throws IOException {
        Path src = tmp.resolve("src-" + cls).resolve(pkg).resolve(cls + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package " + pkg + "; public class " + cls + " { " + body + " }");
        Path out = tmp.resolve("classes-" + cls);
        Files.createDirectories(out);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), src.toString());
        assertEquals(0, rc, "javac failed");
        return out;
    }

    @Test
    void classpathMagic_addsAFolder() throws Exception {
        Path classes = compile("demo", "Hello", "public static String greet() { return \"hi\"; }");
        assertThrows(EvaluationException.class, () -> kernel.evalRaw("demo.Hello.greet()"));
        kernel.evalRaw("%classpath " + classes);
        assertEquals("hi", kernel.evalRaw("demo.Hello.greet()"));
    }

    @Test
    void jarsMagic_addsMatchingJarsAndReturnsThem() throws Exception {
        Path classes = compile("demo2", "Jarred", "public static String name() { return \"jar\"; }");
        Path jarDir = Files.createDirectories(tmp.resolve("jars"));
        Path jar = jarDir.resolve("jarred.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("demo2/Jarred.class"));
            Files.copy(classes.resolve("demo2/Jarred.class"), (OutputStream) out);
            out.closeEntry();
        }
        Object added = kernel.evalRaw("List<String> added = %jars " + jarDir + "/*.jar\nadded");
        assertEquals(List.of(jar.toAbsolutePath().toString()), added);
        assertEquals("jar", kernel.evalRaw("demo2.Jarred.name()"));
    }

    @Test
    void globMatchingNothing_isAnErrorNamingIt() {
        EvaluationException e = assertThrows(
                EvaluationException.class, () -> kernel.evalRaw("%jars " + tmp.resolve("nothing-here") + "/*.jar"));
        assertTrue(e.details().get(0).contains("nothing-here"), e.details().toString());
    }

    @Test
    void loadMagic_evaluatesAJShellFile() throws Exception {
        Path script = tmp.resolve("helpers.jshell");
        Files.writeString(script, "int triple(int x) { return 3 * x; }\nint loadedValue = triple(2);\n");
        kernel.evalRaw("%load " + script);
        assertEquals(15, kernel.evalRaw("triple(5)"));
        assertEquals(6, kernel.evalRaw("loadedValue"));
    }

    @Test
    void mavenMagic_resolvesFromTheLocalRepository() throws Exception {
        assertThrows(
                EvaluationException.class,
                () -> kernel.evalRaw("new org.apache.commons.collections4.bag.HashBag<String>()"));
        assertNull(kernel.evalRaw("%maven org.apache.commons:commons-collections4:4.4"));
        assertEquals(
                2,
                kernel.evalRaw("var bag = new org.apache.commons.collections4.bag.HashBag<String>();\n"
                        + "bag.add(\"a\"); bag.add(\"a\");\nbag.getCount(\"a\")"));
    }

    @Test
    void loadFromPomCellMagic_resolvesTheFragmentsDependencies() throws Exception {
        assertNull(kernel.evalRaw("""
                %%loadFromPOM
                <dependency>
                  <groupId>org.apache.commons</groupId>
                  <artifactId>commons-text</artifactId>
                  <version>1.10.0</version>
                </dependency>
                """));
        assertEquals(
                "Parrot Captions", kernel.evalRaw("org.apache.commons.text.WordUtils.capitalize(\"parrot captions\")"));
    }

    @Test
    void mavenRepoMagic_acceptsIdAndUrl_andRejectsOtherwise() throws Exception {
        assertNull(kernel.evalRaw("%mavenRepo extra file://" + tmp.resolve("repo")));
        EvaluationException e = assertThrows(EvaluationException.class, () -> kernel.evalRaw("%addMavenRepo onlyId"));
        assertTrue(
                e.details().get(0).contains("repository id and a URL"),
                e.details().toString());
    }

    @Test
    void lineMagicFunction_isCallableDirectly() throws Exception {
        Path classes = compile("demo3", "Direct", "public static int one() { return 1; }");
        kernel.evalRaw("lineMagic(\"classpath\", List.of(\"" + classes + "\"));");
        assertEquals(1, kernel.evalRaw("demo3.Direct.one()"));
    }

    @Test
    void unknownMagic_isAnError() {
        EvaluationException e = assertThrows(EvaluationException.class, () -> kernel.evalRaw("%noSuchMagic x"));
        assertTrue(e.details().get(0).contains("noSuchMagic"), e.details().toString());
    }
}
