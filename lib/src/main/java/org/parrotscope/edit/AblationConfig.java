package org.parrotscope.edit;

import java.nio.file.Path;
import java.util.Objects;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.parrot.CoEmbMatcher;
import org.parrotscope.parrot.Matching;

/**
 * Settings of a text-removal ablation run ({@link AblationRun}).
 *
 * @param out the output folder: {@code <shard>.csv} ({@link AblationCsv}), its completion record, {@code
 *     <shard>.skipped.jsonl}, and with {@code writeImages} {@code images/<shard>/<key>.<variant>.png}
 * @param ocrDir the folder with the OCR run's {@code <shard>.jsonl} files
 * @param inpaint inpainting radius and mask dilation
 * @param matching which caption matching decides Co-Emb. words; default {@link Matching#EXACT}, the paper's
 *     Algorithm 1
 * @param matcher the matcher (its fuzzy rule applies to {@link Matching#FUZZY})
 * @param seed the seed of the donor choice of the random baselines
 * @param threads decoding and inpainting threads
 * @param writeImages also write every edited image as PNG, for inspection
 * @param writeEmbeddings also write each shard's raw image and caption embeddings as {@code
 *     <shard>.embeddings.safetensors} (the format of {@code parrotscope score --embeddings}), e.g. to cluster them
 * @param decoder the image decoder (pixel limit)
 * @param parquet write {@code <shard>.parquet} ({@link AblationSchema}) instead of {@code <shard>.csv}
 */
public record AblationConfig(
        Path out,
        Path ocrDir,
        InpaintConfig inpaint,
        Matching matching,
        CoEmbMatcher matcher,
        long seed,
        int threads,
        boolean writeImages,
        boolean writeEmbeddings,
        ImageDecoder decoder,
        boolean parquet) {

    /** Validates the fields. */
    public AblationConfig {
        Objects.requireNonNull(out, "setOut is required");
        Objects.requireNonNull(ocrDir, "setOcrDir is required");
        Objects.requireNonNull(inpaint, "inpaint");
        Objects.requireNonNull(matching, "matching");
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(decoder, "decoder");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
    }

    /** @return a builder; out and ocrDir are required */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AblationConfig}. */
    public static final class Builder {
        private Path out;
        private Path ocrDir;
        private InpaintConfig inpaint = InpaintConfig.DEFAULT;
        private Matching matching = Matching.EXACT;
        private CoEmbMatcher matcher = CoEmbMatcher.defaults();
        private long seed;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean writeImages;
        private boolean writeEmbeddings;
        private ImageDecoder decoder = ImageDecoder.defaults();
        private boolean parquet;

        private Builder() {}

        /** @param dir the output folder (required) @return this */
        public Builder setOut(Path dir) {
            this.out = dir;
            return this;
        }

        /** @param dir the OCR output folder (required) @return this */
        public Builder setOcrDir(Path dir) {
            this.ocrDir = dir;
            return this;
        }

        /** @param c radius and dilation, default {@link InpaintConfig#DEFAULT} @return this */
        public Builder optInpaint(InpaintConfig c) {
            this.inpaint = c;
            return this;
        }

        /** @param m the matching of Co-Emb. words, default exact (Algorithm 1) @return this */
        public Builder optMatching(Matching m) {
            this.matching = m;
            return this;
        }

        /** @param m the matcher, default {@link CoEmbMatcher#defaults()} @return this */
        public Builder optMatcher(CoEmbMatcher m) {
            this.matcher = m;
            return this;
        }

        /** @param s the donor seed, default 0 @return this */
        public Builder optSeed(long s) {
            this.seed = s;
            return this;
        }

        /** @param n decoding and inpainting threads, default the number of cores @return this */
        public Builder optThreads(int n) {
            this.threads = n;
            return this;
        }

        /** @param b write the edited images, default false @return this */
        public Builder optWriteImages(boolean b) {
            this.writeImages = b;
            return this;
        }

        /** @param b write the raw images' embeddings per shard, default false @return this */
        public Builder optWriteEmbeddings(boolean b) {
            this.writeEmbeddings = b;
            return this;
        }

        /** @param d the image decoder, default {@link ImageDecoder#defaults()} @return this */
        public Builder optDecoder(ImageDecoder d) {
            this.decoder = d;
            return this;
        }

        /** @param b write Parquet files instead of CSV, default false @return this */
        public Builder optParquet(boolean b) {
            this.parquet = b;
            return this;
        }

        /** @return the validated configuration */
        public AblationConfig build() {
            return new AblationConfig(
                    out,
                    ocrDir,
                    inpaint,
                    matching,
                    matcher,
                    seed,
                    threads,
                    writeImages,
                    writeEmbeddings,
                    decoder,
                    parquet);
        }
    }
}
