package org.parrotscope.curate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The paper's curations as {@link Criterion} lists (Step 7). All read spotted text and scores only.
 */
public final class Curations {

    /** CoTR thresholds of Curation II (Table 4): = 0, then >= each of these. */
    static final double[] COTR_AT_LEAST = {0.3, 0.5, 0.8};

    /** Relative-score thresholds of Curation III (Tables 5, 6): < 0, then >= each of these. */
    static final double[] RELATIVE_AT_LEAST = {0.0, 0.1, 0.2, 0.3};

    private Curations() {}

    /**
     * Curation I (Table 3): a random sample, images without spotted text, images with spotted text only.
     *
     * @return the three criteria
     */
    public static List<Criterion> curationI() {
        return List.of(
                new Criterion("I-random", "I", "Random", c -> true),
                new Criterion("I-no-text", "I", "w/o Emb. Text", c -> !c.hasText()),
                new Criterion("I-text-only", "I", "w/ Emb. Text Only", Candidate::hasText));
    }

    /**
     * Curation II (Table 4): among images with spotted text ("we first select all the images with embedded
     * text"), CoTR = 0, >= 0.3, >= 0.5, >= 0.8 and = 1.
     *
     * @return the five criteria
     */
    public static List<Criterion> curationII() {
        List<Criterion> out = new ArrayList<>();
        out.add(new Criterion("II-cotr-eq-0", "II", "CoTR = 0.0", c -> c.hasText() && c.cotr() == 0));
        for (double t : COTR_AT_LEAST) {
            out.add(new Criterion(
                    "II-cotr-ge-" + fmt(t), "II", "CoTR >= " + fmt(t), c -> c.hasText() && c.cotr() >= t));
        }
        out.add(new Criterion("II-cotr-eq-1", "II", "CoTR = 1.0", c -> c.hasText() && c.cotr() == 1));
        return out;
    }

    /**
     * Curation III (Tables 5, 6): RSA and RSC < 0, >= 0, >= 0.1, >= 0.2, >= 0.3, among images with text whose
     * relative scores were computed.
     *
     * @return the ten criteria, RSA first
     */
    public static List<Criterion> curationIII() {
        List<Criterion> out = new ArrayList<>();
        for (String which : List.of("RSA", "RSC")) {
            boolean all = which.equals("RSA");
            String fam = "III-" + which;
            String low = which.toLowerCase(Locale.ROOT);
            out.add(new Criterion("III-" + low + "-lt-0", fam, which + " < 0.0", c -> {
                double v = all ? c.rsa() : c.rsc();
                return c.hasText() && v < 0;
            }));
            for (double t : RELATIVE_AT_LEAST) {
                out.add(new Criterion("III-" + low + "-ge-" + fmt(t), fam, which + " >= " + fmt(t), c -> {
                    double v = all ? c.rsa() : c.rsc();
                    return c.hasText() && v >= t;
                }));
            }
        }
        return out;
    }

    /**
     * Criteria by curation name.
     *
     * @param name {@code I}, {@code II} or {@code III} (case-insensitive)
     * @return that curation's criteria
     */
    public static List<Criterion> byName(String name) {
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "I" -> curationI();
            case "II" -> curationII();
            case "III" -> curationIII();
            default ->
                throw new IllegalArgumentException("unknown curation " + name + " (expected I, II, III or debiased)");
        };
    }

    private static String fmt(double t) {
        return String.format(Locale.ROOT, "%.1f", t);
    }
}
