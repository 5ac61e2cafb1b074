package org.parrotscope.ocr;

import java.nio.file.Path;
import java.util.Objects;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.util.Progress;

/**
 * Configuration of an {@link OcrRun}. Build with {@link #builder()}: {@code setOut} is required, the rest
 * optional.
 *
 * @param engine engine name, default {@link TextSpotters#DEFAULT} ({@code ppocr-det+tesseract})
 * @param out output folder for {@code <shard>.jsonl} files and the run summary
 * @param threads worker threads, default the number of cores
 * @param limit maximum samples in the run, 0 (default) for all
 * @param options engine options, default {@link OcrOptions#defaults()}
 * @param decoder image decoder (pixel limit), default {@link ImageDecoder#defaults()}
 * @param progress progress reporting (closed at the end of the run), default silent
 */
public record OcrRunConfig(
        String engine, Path out, int threads, long limit, OcrOptions options, ImageDecoder decoder, Progress progress) {

    /** Validates the fields. */
    public OcrRunConfig {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(progress, "progress");
        if (!TextSpotters.NAMES.contains(engine)) {
            throw new IllegalArgumentException(
                    "unknown OCR engine '" + engine + "'; choose one of " + TextSpotters.NAMES);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0: " + limit);
        }
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link OcrRunConfig}. */
    public static final class Builder {
        private String engine = TextSpotters.DEFAULT;
        private Path out;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long limit;
        private OcrOptions options = OcrOptions.defaults();
        private ImageDecoder decoder = ImageDecoder.defaults();
        private Progress progress = Progress.silent();

        private Builder() {}

        /** @param v the output folder (required) @return this */
        public Builder setOut(Path v) {
            out = v;
            return this;
        }

        /** @param v engine name: {@code ppocr} (default), {@code tesseract}, {@code oracle} @return this */
        public Builder optEngine(String v) {
            engine = v;
            return this;
        }

        /** @param v worker threads (default: cores) @return this */
        public Builder optThreads(int v) {
            threads = v;
            return this;
        }

        /** @param v maximum samples, 0 for all (default) @return this */
        public Builder optLimit(long v) {
            limit = v;
            return this;
        }

        /** @param v engine options @return this */
        public Builder optOptions(OcrOptions v) {
            options = v;
            return this;
        }

        /** @param v image decoder @return this */
        public Builder optDecoder(ImageDecoder v) {
            decoder = v;
            return this;
        }

        /** @param v progress reporting @return this */
        public Builder optProgress(Progress v) {
            progress = v;
            return this;
        }

        /** @return the validated configuration */
        public OcrRunConfig build() {
            return new OcrRunConfig(engine, out, threads, limit, options, decoder, progress);
        }

        /** @return a run with this configuration */
        public OcrRun buildRun() {
            return OcrRun.of(build());
        }
    }
}
