package org.parrotscope.parrot;

/** Levenshtein (edit) distance over Unicode code points: insertions, deletions and substitutions each cost 1. */
public final class Levenshtein {

    private Levenshtein() {}

    /**
     * The edit distance between two strings.
     *
     * @param a first string
     * @param b second string
     * @return the minimum number of single-code-point edits turning {@code a} into {@code b}
     */
    public static int distance(String a, String b) {
        return distance(a.codePoints().toArray(), b.codePoints().toArray(), Integer.MAX_VALUE - 1);
    }

    /**
     * The edit distance, or {@code limit + 1} as soon as it is known to exceed {@code limit} (cheap rejection
     * of long non-matching pairs).
     *
     * @param a first word as code points
     * @param b second word as code points
     * @param limit the largest distance of interest, &ge; 0
     * @return the distance if &le; limit, otherwise {@code limit + 1}
     */
    public static int distance(int[] a, int[] b, int limit) {
        if (Math.abs(a.length - b.length) > limit) {
            return limit + 1;
        }
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length; j++) {
                int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length], limit + 1);
    }
}
