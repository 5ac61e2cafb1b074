package org.parrotscope.curate;

import java.util.Objects;

/**
 * One sample as the curations see it: what the OCR engine spotted and how the caption relates to it (never the
 * generator's ground truth), plus scores where they were computed.
 *
 * @param key the sample key
 * @param shard the shard name
 * @param hasText "w/ Emb. Text": the engine spotted words (Algorithm 1 tokens, paper §3)
 * @param cotr the co-emerging text rate under exact matching (Algorithm 1), 0 without text
 * @param category {@code no_text}, {@code text_no_overlap} or {@code text_overlap} (Fig. 3a)
 * @param clipScore the raw CLIP score S(●), NaN when not scored
 * @param rsa S(●) - S(×), all spotted text removed (Curation III), NaN when not computed
 * @param rsc S(●) - S(■), co-emerging text removed, NaN when not computed
 * @param cluster the k-means cluster, -1 when not clustered
 * @param aesthetic an aesthetic score, NaN when none was given
 */
public record Candidate(
        String key,
        String shard,
        boolean hasText,
        double cotr,
        String category,
        double clipScore,
        double rsa,
        double rsc,
        int cluster,
        double aesthetic) {

    /** Validates the fields. */
    public Candidate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(category, "category");
        if (!(cotr >= 0 && cotr <= 1)) {
            throw new IllegalArgumentException("CoTR must be in [0, 1], got " + cotr + " for " + key);
        }
    }

    /**
     * @param s the raw CLIP score
     * @return a copy with it
     */
    public Candidate withClipScore(double s) {
        return new Candidate(key, shard, hasText, cotr, category, s, rsa, rsc, cluster, aesthetic);
    }

    /**
     * @param a RSA
     * @param c RSC
     * @return a copy with the relative scores
     */
    public Candidate withRelativeScores(double a, double c) {
        return new Candidate(key, shard, hasText, cotr, category, clipScore, a, c, cluster, aesthetic);
    }

    /**
     * @param c the cluster
     * @return a copy with it
     */
    public Candidate withCluster(int c) {
        return new Candidate(key, shard, hasText, cotr, category, clipScore, rsa, rsc, c, aesthetic);
    }

    /**
     * @param a the aesthetic score
     * @return a copy with it
     */
    public Candidate withAesthetic(double a) {
        return new Candidate(key, shard, hasText, cotr, category, clipScore, rsa, rsc, cluster, a);
    }
}
