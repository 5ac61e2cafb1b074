package org.parrotscope.edit;

import java.util.Objects;

/**
 * One sample's CLIP scores in the text-removal ablation (paper Step 5), all against its unchanged caption. A
 * score that does not apply is NaN (an empty CSV cell): every edited score of an image without text; the Co
 * scores of an image whose spotted words are not Co-Emb. text (nothing to remove); a random score without a
 * donor.
 *
 * @param key the sample key
 * @param shard the shard name
 * @param hasText whether any word was spotted
 * @param sRaw S(●), the raw image
 * @param sAll S(×), All-Emb. text removed
 * @param sCo S(■), Co-Emb. text removed
 * @param sRandAll random-area baseline of All removal
 * @param sRandCo random-area baseline of Co removal
 */
public record AblationRow(
        String key,
        String shard,
        boolean hasText,
        double sRaw,
        double sAll,
        double sCo,
        double sRandAll,
        double sRandCo) {

    /** Validates the fields. */
    public AblationRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(shard, "shard");
        if (Double.isNaN(sRaw)) {
            throw new IllegalArgumentException("the raw score is required: " + key);
        }
        if (!hasText && !(Double.isNaN(sAll) && Double.isNaN(sCo) && Double.isNaN(sRandAll) && Double.isNaN(sRandCo))) {
            throw new IllegalArgumentException("an image without text has only a raw score: " + key);
        }
    }

    /** @return RSA = S(●) − S(×) (paper S1 §3), NaN when not defined */
    public double rsa() {
        return sRaw - sAll;
    }

    /** @return RSC = S(●) − S(■) (paper S1 §3), NaN when not defined */
    public double rsc() {
        return sRaw - sCo;
    }

    /**
     * @param v a variant
     * @return its score, NaN when it does not apply
     */
    public double score(Variant v) {
        return switch (v) {
            case RAW -> sRaw;
            case ALL -> sAll;
            case CO -> sCo;
            case RAND_ALL -> sRandAll;
            case RAND_CO -> sRandCo;
        };
    }
}
