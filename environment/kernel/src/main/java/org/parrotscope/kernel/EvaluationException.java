package org.parrotscope.kernel;

import java.util.List;

/**
 * A cell that did not finish normally, other than by an exception in user code (which JShell reports
 * as {@code jdk.jshell.EvalException}): the kind decides how the kernel words the error output.
 */
public final class EvaluationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why evaluation stopped. */
    public enum Kind {
        /** javac rejected a snippet. */
        COMPILATION,
        /** the source ends inside a statement. */
        INCOMPLETE,
        /** the user interrupted the cell. */
        INTERRUPTED,
        /** a statement ran longer than {@code IJAVA_TIMEOUT}. */
        TIMEOUT,
        /** a declaration refers to something undefined. */
        UNRESOLVED,
        /** user code threw an exception. */
        EXCEPTION
    }

    private final Kind kind;
    private final String source;
    private final List<String> details;

    /**
     * @param kind why evaluation stopped
     * @param source the snippet concerned
     * @param details readable lines (diagnostics, durations)
     */
    public EvaluationException(Kind kind, String source, List<String> details) {
        super(details.isEmpty() ? kind.name() : details.get(0));
        this.kind = kind;
        this.source = source;
        this.details = List.copyOf(details);
    }

    /** @return why evaluation stopped */
    public Kind kind() {
        return kind;
    }

    /** @return the snippet concerned */
    public String source() {
        return source;
    }

    /** @return readable lines describing the problem */
    public List<String> details() {
        return details;
    }

    /** @return the Jupyter error name (ename) */
    public String ename() {
        return switch (kind) {
            case COMPILATION -> "CompilationException";
            case INCOMPLETE -> "IncompleteSourceException";
            case INTERRUPTED -> "EvaluationInterruptedException";
            case TIMEOUT -> "EvaluationTimeoutException";
            case UNRESOLVED -> "UnresolvedReferenceException";
            case EXCEPTION -> "EvalException";
        };
    }
}
