package org.parrotscope.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What {@link EvalSuite} runs and on which data.
 *
 * @param suites any of {@code zeroshot, retrieval, sync, typographic}
 * @param data shard specs for every suite (labels from {@code truth.class}, pairs from captions), or empty for fresh
 * mini-LAION
 * @param imageFolder an ImageNet-layout folder for zero-shot and the typographic probe, or null
 * @param seed the seed of the generated evaluation sets (keep it different from the training data's)
 * @param zeroShotImages images for zero-shot classification and the typographic probe
 * @param retrievalPairs held-out image-caption pairs
 * @param syncVocabulary n-grams of the Sync benchmark (most frequent caption 1-grams)
 * @param templates zero-shot prompt templates
 * @param batch items per embedding call
 */
public record EvalOptions(
        Set<String> suites,
        List<String> data,
        Path imageFolder,
        long seed,
        int zeroShotImages,
        int retrievalPairs,
        int syncVocabulary,
        List<String> templates,
        int batch) {

    /** The suite names. */
    public static final List<String> SUITES = List.of("zeroshot", "retrieval", "sync", "typographic");

    /** Validates the options. */
    public EvalOptions {
        suites = Set.copyOf(suites);
        data = List.copyOf(data);
        templates = List.copyOf(templates);
        for (String s : suites) {
            if (!SUITES.contains(s)) {
                throw new IllegalArgumentException("unknown suite '" + s + "', known: " + String.join(",", SUITES));
            }
        }
        if (zeroShotImages < 1 || retrievalPairs < 2 || syncVocabulary < 1 || batch < 1) {
            throw new IllegalArgumentException(
                    "need at least 1 zero-shot image, 2 retrieval pairs, 1 Sync n-gram and batch >= 1");
        }
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link EvalOptions}. */
    public static final class Builder {
        private Set<String> suites = Set.copyOf(SUITES);
        private List<String> data = List.of();
        private Path folder;
        private long seed = 1_000_003L;
        private int zeroShot = 800;
        private int pairs = 500;
        private int vocab = 200;
        private List<String> templates = List.of();
        private int batch = 64;

        /** @param names suites to run (default all four) @return this */
        public Builder optSuites(Set<String> names) {
            this.suites = names;
            return this;
        }

        /** @param specs shard specs (default none: fresh mini-LAION) @return this */
        public Builder optData(List<String> specs) {
            this.data = specs;
            return this;
        }

        /** @param dir ImageNet-layout folder (default none) @return this */
        public Builder optImageFolder(Path dir) {
            this.folder = dir;
            return this;
        }

        /** @param s generated-set seed (default 1000003) @return this */
        public Builder optSeed(long s) {
            this.seed = s;
            return this;
        }

        /** @param n zero-shot / typographic images (default 800) @return this */
        public Builder optZeroShotImages(int n) {
            this.zeroShot = n;
            return this;
        }

        /** @param n retrieval pairs (default 500) @return this */
        public Builder optRetrievalPairs(int n) {
            this.pairs = n;
            return this;
        }

        /** @param n Sync n-grams (default 200) @return this */
        public Builder optSyncVocabulary(int n) {
            this.vocab = n;
            return this;
        }

        /**
         * @param t prompt templates (default, empty: {@link ZeroShot#miniLaionTemplates()} on mini-LAION images,
         *     {@link ZeroShot#DEFAULT_TEMPLATES} on an image folder)
         * @return this
         */
        public Builder optTemplates(List<String> t) {
            this.templates = t;
            return this;
        }

        /** @param n embedding batch (default 64) @return this */
        public Builder optBatch(int n) {
            this.batch = n;
            return this;
        }

        /** @return the options */
        public EvalOptions build() {
            return new EvalOptions(suites, data, folder, seed, zeroShot, pairs, vocab, templates, batch);
        }
    }
}
