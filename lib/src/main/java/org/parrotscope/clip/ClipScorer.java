package org.parrotscope.clip;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * CLIP scoring (paper Step 0: the CLIP score of an image-caption pair is the cosine of their
 * normalised embeddings): batched, normalised image and text embeddings, per-pair scores and
 * similarity matrices. Images are preprocessed on a small thread pool while the model runs
 * batches; {@link ShardScorer} streams whole datasets through it. The model is owned by the
 * caller; closing the scorer stops its threads.
 */
public final class ClipScorer implements AutoCloseable {

    private final ClipModel model;
    private final TextTokenizer tokenizer;
    private final ClipPreprocessor preprocessor;
    private final int batchSize;
    private final int threads;
    private final ExecutorService pool;

    private ClipScorer(Builder b) {
        model = Objects.requireNonNull(b.model, "setModel is required");
        tokenizer = Objects.requireNonNull(b.tokenizer, "setTokenizer is required");
        if (tokenizer.vocabSize() > model.config().text().vocabSize()) {
            throw new IllegalArgumentException("the tokenizer, " + tokenizer.describe() + ", has more ids than the"
                    + " text tower's vocab_size " + model.config().text().vocabSize());
        }
        preprocessor = b.preprocessor != null
                ? b.preprocessor
                : ClipPreprocessor.fromConfig(
                        model.preprocessConfig(), model.config().vision().imageSize());
        if (preprocessor.imageSize() != model.config().vision().imageSize()) {
            throw new IllegalArgumentException("preprocessor size " + preprocessor.imageSize()
                    + " differs from the model's " + model.config().vision().imageSize());
        }
        batchSize = b.batchSize;
        threads = b.threads;
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "clip-preprocess");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return a builder; model and tokenizer are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the model */
    public ClipModel model() {
        return model;
    }

    /** @return images or texts per forward pass */
    public int batchSize() {
        return batchSize;
    }

    /** @return preprocessing threads */
    public int threads() {
        return threads;
    }

    /**
     * Preprocesses one image (thread-safe).
     *
     * @param image an image
     * @return its [3, S, S] pixels
     */
    public float[] preprocess(BufferedImage image) {
        return preprocessor.apply(image);
    }

    /**
     * Normalised image embeddings, preprocessing on the pool.
     *
     * @param images the images
     * @return one unit-length row per image
     */
    public float[][] embedImages(List<BufferedImage> images) {
        List<Future<float[]>> futures = new ArrayList<>();
        for (BufferedImage img : images) {
            futures.add(pool.submit(() -> preprocessor.apply(img)));
        }
        List<float[]> pixels = new ArrayList<>();
        for (Future<float[]> f : futures) {
            pixels.add(ShardScorer.await(f));
        }
        return embedPixels(pixels);
    }

    /**
     * Normalised image embeddings of preprocessed images.
     *
     * @param pixels [3, S, S] arrays
     * @return one unit-length row per image
     */
    public float[][] embedPixels(List<float[]> pixels) {
        int per = 3 * preprocessor.imageSize() * preprocessor.imageSize();
        return ClipMath.normalize(model.encodeImages(ClipMath.flatten(pixels, per), pixels.size(), batchSize));
    }

    /**
     * Normalised text embeddings.
     *
     * @param texts captions (cleaned and tokenized as OpenCLIP does, truncated to the context length)
     * @return one unit-length row per text
     */
    public float[][] embedTexts(List<String> texts) {
        int ctx = model.config().text().contextLength();
        long[][] ids = new long[texts.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokenizer.tokenize(texts.get(i), ctx);
        }
        return ClipMath.normalize(model.encodeTexts(ids, batchSize));
    }

    /**
     * CLIP scores of image-caption pairs.
     *
     * @param images the images
     * @param captions one caption per image
     * @return the cosine of each pair
     */
    public float[] score(List<BufferedImage> images, List<String> captions) {
        if (images.size() != captions.size()) {
            throw new IllegalArgumentException(images.size() + " images but " + captions.size() + " captions");
        }
        return pairCosines(embedImages(images), embedTexts(captions));
    }

    /**
     * The similarity matrix of images against texts.
     *
     * @param images n images
     * @param texts m texts
     * @return cosines [n, m]
     */
    public float[][] similarity(List<BufferedImage> images, List<String> texts) {
        return ClipMath.cosine(embedImages(images), embedTexts(texts));
    }

    /**
     * @param imageEmbeds normalised rows
     * @param textEmbeds normalised rows, as many
     * @return the row-wise cosines
     */
    public static float[] pairCosines(float[][] imageEmbeds, float[][] textEmbeds) {
        float[] out = new float[imageEmbeds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ClipMath.dot(imageEmbeds[i], textEmbeds[i]);
        }
        return out;
    }

    ExecutorService pool() {
        return pool;
    }

    TextTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Builds a {@link ClipScorer}. */
    public static final class Builder {
        private ClipModel model;
        private TextTokenizer tokenizer;
        private ClipPreprocessor preprocessor;
        private int batchSize = ClipModel.DEFAULT_BATCH;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {}

        /** @param model the model (required, not closed by the scorer) @return this */
        public Builder setModel(ClipModel model) {
            this.model = model;
            return this;
        }

        /** @param tokenizer the model's tokenizer: CLIP's BPE or a trained word vocabulary (required) @return this */
        public Builder setTokenizer(TextTokenizer tokenizer) {
            this.tokenizer = tokenizer;
            return this;
        }

        /** @param p preprocessing; default: from the model's {@code preprocess_cfg} @return this */
        public Builder optPreprocessor(ClipPreprocessor p) {
            this.preprocessor = p;
            return this;
        }

        /** @param n images or texts per forward pass, default {@value ClipModel#DEFAULT_BATCH} @return this */
        public Builder optBatchSize(int n) {
            this.batchSize = n;
            return this;
        }

        /** @param n image preprocessing threads, default the number of cores @return this */
        public Builder optThreads(int n) {
            this.threads = n;
            return this;
        }

        /** @return the scorer */
        public ClipScorer build() {
            if (batchSize < 1 || threads < 1) {
                throw new IllegalArgumentException(
                        "batch size and threads must be >= 1: " + batchSize + ", " + threads);
            }
            return new ClipScorer(this);
        }
    }
}
