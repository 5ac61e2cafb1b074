package org.parrotscope.kernel;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns what JShell reports about a failed snippet into a short, readable trace: the exception class
 * and message, the frames of user code only (JShell's and the kernel's reflection frames are cut), and
 * the chain of causes.
 */
final class ErrorTrace {
    private static final int MAX_FRAMES = 12;

    private ErrorTrace() {}

    /**
     * @param shell the shell that ran the snippet
     * @param e what JShell threw
     * @param source the snippet
     * @return the failure as an {@link EvaluationException}
     */
    static EvaluationException of(JShell shell, JShellException e, String source) {
        if (e instanceof UnresolvedReferenceException u) {
            List<String> lines = new ArrayList<>();
            lines.add("Unresolved reference in: " + u.getSnippet().source().strip());
            shell.unresolvedDependencies(u.getSnippet()).forEach(d -> lines.add("   - " + d + " is not defined"));
            return new EvaluationException(EvaluationException.Kind.UNRESOLVED, source, lines);
        }
        List<String> lines = new ArrayList<>();
        Throwable t = e;
        boolean first = true;
        while (t != null) {
            String name = t instanceof EvalException ev
                    ? ev.getExceptionClassName()
                    : t.getClass().getName();
            String msg = t.getMessage();
            lines.add((first ? "" : "Caused by: ") + name + (msg == null ? "" : ": " + msg));
            int shown = 0;
            for (StackTraceElement f : t.getStackTrace()) {
                if (isMachinery(f)) {
                    break;
                }
                if (shown++ == MAX_FRAMES) {
                    lines.add("\t...");
                    break;
                }
                lines.add("\tat " + frame(f));
            }
            first = false;
            t = t.getCause() == t ? null : t.getCause();
        }
        return new EvaluationException(EvaluationException.Kind.EXCEPTION, source, lines);
    }

    private static boolean isMachinery(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("jdk.internal.reflect.")
                || c.startsWith("java.lang.reflect.")
                || c.startsWith("jdk.jshell.")
                || c.startsWith(InProcessExecutionControl.class.getName());
    }

    private static String frame(StackTraceElement f) {
        // JShell reports cell code with an empty class and the snippet id ("#12") as the file name.
        String file = f.getFileName();
        if (file != null && file.startsWith("#")) {
            String method =
                    f.getMethodName().isEmpty() || f.getMethodName().equals("do_it$") ? "cell" : f.getMethodName();
            return method + " (line " + f.getLineNumber() + " of snippet " + file + ")";
        }
        return f.toString();
    }

    /**
     * @param shell the shell that rejected the snippet
     * @param s the snippet
     * @return javac's errors with line, source line and a caret
     */
    static EvaluationException compileError(JShell shell, Snippet s) {
        return new EvaluationException(EvaluationException.Kind.COMPILATION, s.source(), diagnostics(shell, s));
    }

    private static List<String> diagnostics(JShell shell, Snippet s) {
        List<String> lines = new ArrayList<>();
        for (Diag d : shell.diagnostics(s).toList()) {
            if (!d.isError()) {
                continue;
            }
            String msg = d.getMessage(null);
            long start = d.getStartPosition();
            String where = start >= 0 ? lineAndColumn(s.source(), (int) start) : "";
            lines.add(where
                    + msg.lines()
                            .filter(l -> !l.strip().startsWith("location:"))
                            .reduce((a, b) -> a + "\n" + b)
                            .orElse(msg));
        }
        if (lines.isEmpty()) {
            lines.add("the snippet was rejected by the compiler");
        }
        return lines;
    }

    private static String lineAndColumn(String src, int pos) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < pos && i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        String text = src.lines().skip(line - 1L).findFirst().orElse("");
        return "line " + line + ": " + text.strip() + "\n" + " ".repeat(Math.max(0, col - 1 - leading(text))) + "^\n";
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
