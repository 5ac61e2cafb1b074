package org.parrotscope.kernel;

import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/** Source analysis for the front end: documentation at the cursor and whether input is complete. */
final class Inspection {

    /** What {@code is_complete} answers. */
    enum Status {
        COMPLETE,
        INCOMPLETE,
        INVALID,
        UNKNOWN
    }

    private Inspection() {}

    /**
     * Decides whether a console input can run as it is.
     *
     * @param analysis JShell's analysis
     * @param code the input (magics translated)
     * @return the status
     */
    static Status completeness(SourceCodeAnalysis analysis, String code) {
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness c = info.completeness();
            switch (c) {
                case DEFINITELY_INCOMPLETE:
                    return Status.INCOMPLETE;
                case CONSIDERED_INCOMPLETE:
                    return Status.UNKNOWN;
                case UNKNOWN:
                    return Status.INVALID;
                case EMPTY:
                    return Status.COMPLETE;
                default:
                    remaining = info.remaining();
            }
        }
        return Status.COMPLETE;
    }

    /**
     * Documentation of the identifier at the cursor: its signature(s) and javadoc when available.
     *
     * @param analysis JShell's analysis
     * @param code the cell
     * @param at the cursor offset
     * @return plain text, or null when nothing is known there
     */
    static String describe(SourceCodeAnalysis analysis, String code, int at) {
        int end = Math.min(Math.max(at, 0), code.length());
        // Inspect the whole identifier under the cursor, and the method when a '(' follows it.
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        int paren = end;
        while (paren < code.length() && Character.isWhitespace(code.charAt(paren))) {
            paren++;
        }
        if (paren < code.length() && code.charAt(paren) == '(') {
            end = paren + 1;
        }
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, end, true);
        if (docs == null || docs.isEmpty()) {
            return null;
        }
        return docs.stream()
                .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + d.javadoc())
                .collect(Collectors.joining("\n\n"));
    }
}
