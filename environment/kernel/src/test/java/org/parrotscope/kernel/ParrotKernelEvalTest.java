package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Evaluation, errors, completion, inspection and is_complete of an in-process kernel. */
class ParrotKernelEvalTest {

    private static ParrotKernel kernel;

    @BeforeAll
    static void start() throws Exception {
        kernel = new ParrotKernel(KernelConfig.defaults());
    }

    @AfterAll
    static void stop() {
        kernel.close();
    }

    @Test
    void finalBareExpression_isTheResult() throws Exception {
        assertEquals(42, kernel.evalRaw("int a = 6;\nint b = 7;\na * b"));
    }

    @Test
    void cellEndingOnStatement_hasNoResult() throws Exception {
        assertNull(kernel.evalRaw("int unused = 5;"));
        assertNull(kernel.evalRaw("System.out.println(\"x\");"));
    }

    @Test
    void declarationsPersistAcrossCells() throws Exception {
        kernel.evalRaw("record Pair(int l, int r) {}\nint sum(Pair p) { return p.l() + p.r(); }");
        assertEquals(9, kernel.evalRaw("sum(new Pair(4, 5))"));
    }

    @Test
    void lastDeclarationWithoutSemicolon_isAccepted() throws Exception {
        // analyzeCompletion adds the semicolon JShell needs, as in the jshell tool.
        assertNull(kernel.evalRaw("String s = \"a\""));
        assertEquals("ab", kernel.evalRaw("s + \"b\""));
    }

    @Test
    void javaUtilIsImported_andPrintfDefined() throws Exception {
        assertEquals(3, kernel.evalRaw("List<Integer> xs = new ArrayList<>(List.of(1, 2, 3));\nxs.size()"));
        assertNull(kernel.evalRaw("printf(\"%d%n\", 1);"));
    }

    @Test
    void compileError_namesTheProblemAndLine() {
        EvaluationException e =
                assertThrows(EvaluationException.class, () -> kernel.evalRaw("int ok = 1;\nint bad = \"text\";"));
        assertEquals(EvaluationException.Kind.COMPILATION, e.kind());
        String all = String.join("\n", e.details());
        assertTrue(all.contains("incompatible types"), all);
        assertTrue(all.contains("int bad = \"text\""), all);
    }

    @Test
    void runtimeException_reportsClassMessageAndUserFrames() throws Exception {
        kernel.evalRaw("void explode(String why) { throw new IllegalStateException(why); }");
        EvaluationException e = assertThrows(EvaluationException.class, () -> kernel.evalRaw("explode(\"boom\")"));
        assertEquals(EvaluationException.Kind.EXCEPTION, e.kind());
        assertEquals("java.lang.IllegalStateException: boom", e.details().get(0));
        assertEquals("java.lang.IllegalStateException: boom", e.getMessage());
        assertTrue(e.details().get(1).contains("explode"), e.details().toString());
        assertTrue(
                e.details().stream().noneMatch(l -> l.contains("jdk.internal.reflect") || l.contains("jdk.jshell")),
                e.details().toString());
    }

    @Test
    void exceptionCause_isListed() {
        EvaluationException e = assertThrows(
                EvaluationException.class,
                () -> kernel.evalRaw("throw new RuntimeException(\"outer\", new java.io.IOException(\"inner\"));"));
        assertTrue(
                e.details().contains("Caused by: java.io.IOException: inner"),
                e.details().toString());
    }

    @Test
    void undefinedName_isReported() {
        EvaluationException e = assertThrows(EvaluationException.class, () -> kernel.evalRaw("noSuchVariable + 1"));
        assertEquals(EvaluationException.Kind.COMPILATION, e.kind());
        assertTrue(
                String.join("\n", e.details()).contains("cannot find symbol"),
                e.details().toString());
    }

    @Test
    void incompleteCell_isAnError() {
        EvaluationException e =
                assertThrows(EvaluationException.class, () -> kernel.evalRaw("for (int i = 0; i < 2; i++) {"));
        assertEquals(EvaluationException.Kind.INCOMPLETE, e.kind());
    }

    @Test
    void kernelEval_rendersResultAsDisplayData() throws Exception {
        DisplayData d = kernel.eval("\"hi\".repeat(2)");
        assertEquals("hihi", d.getData(MIMEType.TEXT_PLAIN));
        assertNull(kernel.eval("int quiet = 0;"));
    }

    @Test
    void isComplete_followsJShellAnalysis() {
        assertEquals("complete", kernel.isComplete("int x = 1;"));
        assertEquals("complete", kernel.isComplete("int x = 1"));
        assertEquals("complete", kernel.isComplete("%maven a:b:1"));
        assertTrue(kernel.isComplete("void f() {").isBlank(), "incomplete input is answered with an indent");
        assertEquals("invalid", kernel.isComplete("int x = 1; )"));
    }

    @Test
    void completion_offersMethodsOfAVariable() throws Exception {
        kernel.evalRaw("String word = \"parrot\";");
        String code = "word.subs";
        ReplacementOptions r = kernel.complete(code, code.length());
        assertTrue(
                r.getReplacements().contains("substring("), r.getReplacements().toString());
        assertEquals("word.".length(), r.getSourceStart());
        assertEquals(code.length(), r.getSourceEnd());
    }

    @Test
    void inspection_showsSignature() {
        DisplayData d = kernel.inspect("Math.floorMod(7, 3)", 7, false);
        String text = (String) d.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("floorMod("), text);
    }
}
