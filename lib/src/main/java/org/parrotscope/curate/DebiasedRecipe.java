package org.parrotscope.curate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parrotscope.parrot.PaperNumbers;

/**
 * The paper's "simple fix" (Step 12): keep images without spotted text whose CLIP score exceeds a threshold
 * (and whose aesthetic score exceeds one, when aesthetic scores were joined), then de-duplicate within each
 * k-means cluster by embedding cosine similarity. The paper gives no similarity threshold or keep rule; ours:
 * within a cluster, candidates are visited by decreasing CLIP score and one is dropped when its cosine to an
 * already kept image is at least {@link #dedupCosine()}.
 *
 * @param minScore CLIP-score threshold, strictly exceeded (0.3 in the paper, for OpenAI ViT-B/32 scores)
 * @param minAesthetic aesthetic-score threshold, strictly exceeded (4.5 in the paper's release); applied only when
 *     some candidate has an aesthetic score, and then a candidate without one is dropped
 * @param dedupCosine cosine similarity at which two images count as duplicates (ours)
 */
public record DebiasedRecipe(double minScore, double minAesthetic, double dedupCosine) {

    /** Validates the thresholds. */
    public DebiasedRecipe {
        if (!(dedupCosine > -1 && dedupCosine <= 1)) {
            throw new IllegalArgumentException("dedup cosine must be in (-1, 1], got " + dedupCosine);
        }
        if (Double.isNaN(minScore) || Double.isNaN(minAesthetic)) {
            throw new IllegalArgumentException("thresholds must be numbers");
        }
    }

    /** @return a builder with the paper's thresholds and our de-duplication cosine 0.95 */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the recipe.
     *
     * @param in the candidates, with CLIP scores and clusters joined
     * @param embeddings image embeddings covering the candidates that pass the filters
     * @return the selection as a criterion (family {@code debiased}) to sample from
     * @throws IllegalArgumentException when no scores or clusters were joined, or a passing candidate has no
     *     embedding
     */
    public Criterion criterion(CurationInputs in, Embeddings embeddings) {
        List<Candidate> all = in.candidates();
        if (all.stream().allMatch(c -> Double.isNaN(c.clipScore()))) {
            throw new IllegalArgumentException("the debiased recipe needs CLIP scores (--scores or --ablation)");
        }
        if (all.stream().allMatch(c -> c.cluster() < 0)) {
            throw new IllegalArgumentException("the debiased recipe needs cluster assignments (--clusters)");
        }
        boolean aesthetic = all.stream().anyMatch(c -> !Double.isNaN(c.aesthetic()));
        Map<Integer, List<Candidate>> byCluster = new TreeMap<>();
        for (Candidate c : all) {
            boolean pass = !c.hasText()
                    && c.clipScore() > minScore
                    && c.cluster() >= 0
                    && (!aesthetic || c.aesthetic() > minAesthetic);
            if (pass) {
                byCluster.computeIfAbsent(c.cluster(), x -> new ArrayList<>()).add(c);
            }
        }
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < embeddings.size(); i++) {
            row.put(embeddings.keys().get(i), i);
        }
        Set<String> kept = new HashSet<>();
        for (List<Candidate> group : byCluster.values()) {
            group.sort(
                    Comparator.comparingDouble(Candidate::clipScore).reversed().thenComparing(Candidate::key));
            List<float[]> vectors = new ArrayList<>(group.size());
            for (Candidate c : group) {
                Integer r = row.get(c.key());
                if (r == null) {
                    throw new IllegalArgumentException("no embedding for sample " + c.key()
                            + " (pass the embeddings of every scored shard with --embeddings)");
                }
                vectors.add(embeddings.row(r));
            }
            for (int i : distinct(vectors, dedupCosine)) {
                kept.add(group.get(i).key());
            }
        }
        String label = String.format(
                java.util.Locale.ROOT,
                "no text, S > %.3f%s, dedup cos < %.2f",
                minScore,
                aesthetic ? String.format(java.util.Locale.ROOT, ", aesthetic > %.1f", minAesthetic) : "",
                dedupCosine);
        return new Criterion("debiased", "debiased", label, c -> kept.contains(c.key()));
    }

    /**
     * The greedy de-duplication of one cluster: visits the embeddings in the given order (the recipe's: decreasing
     * CLIP score, then key) and keeps one unless its cosine to an already kept one is at least {@code cosine}.
     * Cosines are products of float unit vectors summed in double, so every caller keeps the same images.
     *
     * @param ordered the embeddings in visiting order (not changed)
     * @param cosine the duplicate threshold
     * @return the indices kept, ascending
     */
    public static List<Integer> distinct(List<float[]> ordered, double cosine) {
        List<float[]> keptRows = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            float[] v = unit(ordered.get(i).clone());
            boolean dup = false;
            for (float[] k : keptRows) {
                if (dot(v, k) >= cosine) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                keptRows.add(v);
                kept.add(i);
            }
        }
        return kept;
    }

    private static float[] unit(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        float inv = s > 0 ? (float) (1 / Math.sqrt(s)) : 0;
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Builds a {@link DebiasedRecipe}. */
    public static final class Builder {
        private double minScore = PaperNumbers.DEBIASED_MIN_CLIP_SCORE;
        private double minAesthetic = PaperNumbers.DEBIASED_MIN_AESTHETIC;
        private double dedupCosine = 0.95;

        private Builder() {}

        /**
         * @param minScore CLIP-score threshold (default 0.3, the paper's for OpenAI ViT-B/32; other models score on
         *     other scales)
         * @return this
         */
        public Builder optMinScore(double minScore) {
            this.minScore = minScore;
            return this;
        }

        /**
         * @param minAesthetic aesthetic threshold (default 4.5, the paper's release)
         * @return this
         */
        public Builder optMinAesthetic(double minAesthetic) {
            this.minAesthetic = minAesthetic;
            return this;
        }

        /**
         * @param dedupCosine duplicate cosine (default 0.95, ours)
         * @return this
         */
        public Builder optDedupCosine(double dedupCosine) {
            this.dedupCosine = dedupCosine;
            return this;
        }

        /** @return the recipe */
        public DebiasedRecipe build() {
            return new DebiasedRecipe(minScore, minAesthetic, dedupCosine);
        }
    }
}
