package org.parrotscope.curate;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One subset rule of a curation (paper Step 7, Tables 3-6).
 *
 * @param id file-name-safe identifier, e.g. {@code II-cotr-ge-0.5}
 * @param family the curation it belongs to ({@code I}, {@code II}, {@code III-RSA}, {@code III-RSC},
 *     {@code debiased}); subsets of one family share one size
 * @param label the paper's row label, e.g. {@code CoTR >= 0.5}
 * @param test which candidates qualify
 */
public record Criterion(String id, String family, String label, Predicate<Candidate> test) {

    /** Validates the fields. */
    public Criterion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(test, "test");
        if (!id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("criterion id must be file-name safe: " + id);
        }
    }
}
