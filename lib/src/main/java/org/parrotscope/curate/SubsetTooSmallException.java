package org.parrotscope.curate;

import java.util.Map;

/** Thrown when a criterion selects fewer candidates than the common subset size. */
public final class SubsetTooSmallException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The pool size of each criterion that fell short. */
    private final transient Map<String, Integer> shortfalls;

    /**
     * @param size the requested size
     * @param shortfalls criterion label to its number of candidates
     */
    public SubsetTooSmallException(int size, Map<String, Integer> shortfalls) {
        this(size, shortfalls, "lower --size, or 0 for the smallest pool of each curation");
    }

    /**
     * @param size the requested size
     * @param shortfalls criterion label to its number of candidates
     * @param remedy what the user can change, in the terms of the caller (options or configuration keys)
     */
    public SubsetTooSmallException(int size, Map<String, Integer> shortfalls, String remedy) {
        super(message(size, shortfalls) + " (" + remedy + ")");
        this.shortfalls = Map.copyOf(shortfalls);
    }

    /** @return criterion label to its number of candidates */
    public Map<String, Integer> shortfalls() {
        return shortfalls;
    }

    private static String message(int size, Map<String, Integer> s) {
        StringBuilder sb = new StringBuilder();
        s.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ")
                .append("criterion ")
                .append(k)
                .append(" has ")
                .append(v)
                .append(" candidates"));
        return sb + ", fewer than the subset size " + size;
    }
}
