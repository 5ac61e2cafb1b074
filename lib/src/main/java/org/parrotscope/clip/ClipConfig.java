package org.parrotscope.clip;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parrotscope.util.Json;

/**
 * A CLIP architecture in OpenCLIP's {@code model_cfg} vocabulary (the JSON files of OpenCLIP's
 * {@code model_configs/}): a ViT image tower, a causal text transformer and a shared embedding
 * size. Only the standard CLIP layout is supported (no ResNet, timm or Hugging Face towers, no
 * LayerScale, attentional pooling or CoCa text tower); {@link ClipConfigJson} rejects the others
 * with an error naming the field.
 *
 * @param embedDim size of the joint image-text embedding ({@code embed_dim})
 * @param vision the image tower ({@code vision_cfg})
 * @param text the text tower ({@code text_cfg})
 * @param quickGelu true for QuickGELU {@code x * sigmoid(1.702 x)} (OpenAI weights), false for exact GELU
 */
public record ClipConfig(int embedDim, VisionConfig vision, TextConfig text, boolean quickGelu) {

    /**
     * The ViT image tower.
     *
     * @param imageSize input side in pixels (square)
     * @param patchSize patch side; the grid is {@code imageSize / patchSize} per side
     * @param width token width
     * @param layers residual attention blocks
     * @param headWidth width per attention head (OpenCLIP default 64); heads = {@code max(1, width / headWidth)}
     * @param mlpRatio hidden width of the MLP over the token width (default 4)
     */
    public record VisionConfig(int imageSize, int patchSize, int width, int layers, int headWidth, double mlpRatio) {
        /** Validates the sizes. */
        public VisionConfig {
            positive("vision_cfg.image_size", imageSize);
            positive("vision_cfg.patch_size", patchSize);
            positive("vision_cfg.width", width);
            positive("vision_cfg.layers", layers);
            positive("vision_cfg.head_width", headWidth);
            if (!(mlpRatio > 0)) {
                throw new IllegalArgumentException("vision_cfg.mlp_ratio must be > 0, got " + mlpRatio);
            }
            if (patchSize > imageSize) {
                throw new IllegalArgumentException(
                        "vision_cfg.patch_size " + patchSize + " exceeds image_size " + imageSize);
            }
            int heads = Math.max(1, width / headWidth);
            if (width % heads != 0) {
                throw new IllegalArgumentException(
                        "vision_cfg.width " + width + " is not divisible by its " + heads + " heads");
            }
        }

        /** @return attention heads, {@code max(1, width / headWidth)} as OpenCLIP computes them */
        public int heads() {
            return Math.max(1, width / headWidth);
        }

        /** @return patches per side */
        public int grid() {
            return imageSize / patchSize;
        }

        /** @return tokens per image: one class token plus the patches */
        public int tokens() {
            return grid() * grid() + 1;
        }

        /** @return hidden width of the MLP, {@code (int) (width * mlpRatio)} as in OpenCLIP */
        public int mlpWidth() {
            return (int) (width * mlpRatio);
        }
    }

    /**
     * The causal text transformer.
     *
     * @param contextLength maximum tokens per text, including start and end tokens (77)
     * @param vocabSize token vocabulary (49408 for CLIP's BPE)
     * @param width token width
     * @param heads attention heads
     * @param layers residual attention blocks
     * @param mlpRatio hidden width of the MLP over the token width (default 4)
     */
    public record TextConfig(int contextLength, int vocabSize, int width, int heads, int layers, double mlpRatio) {
        /** Validates the sizes. */
        public TextConfig {
            positive("text_cfg.context_length", contextLength);
            positive("text_cfg.vocab_size", vocabSize);
            positive("text_cfg.width", width);
            positive("text_cfg.heads", heads);
            positive("text_cfg.layers", layers);
            if (!(mlpRatio > 0)) {
                throw new IllegalArgumentException("text_cfg.mlp_ratio must be > 0, got " + mlpRatio);
            }
            if (width % heads != 0) {
                throw new IllegalArgumentException("text_cfg.width " + width + " is not divisible by heads " + heads);
            }
        }

        /** @return hidden width of the MLP, {@code (int) (width * mlpRatio)} */
        public int mlpWidth() {
            return (int) (width * mlpRatio);
        }
    }

    /** Validates the embedding size. */
    public ClipConfig {
        positive("embed_dim", embedDim);
        java.util.Objects.requireNonNull(vision, "vision_cfg");
        java.util.Objects.requireNonNull(text, "text_cfg");
    }

    /**
     * Parses OpenCLIP's {@code model_cfg}, bare or wrapped as {@code {"model_cfg": ..., "preprocess_cfg": ...}}
     * (as in OpenCLIP's {@code open_clip_config.json}), or a Hugging Face {@code CLIPConfig}.
     *
     * @param json the JSON object
     * @return the configuration
     * @throws IllegalArgumentException naming the field when it is missing, invalid or unsupported
     */
    public static ClipConfig fromJson(JsonObject json) {
        return ClipConfigJson.parse(json);
    }

    /**
     * Reads a model folder's {@code config.json} (or any JSON file in the same format).
     *
     * @param file the JSON file
     * @return the configuration
     * @throws IOException when the file cannot be read or is not a supported configuration (naming the file)
     */
    public static ClipConfig read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return fromJson(Json.parse(text).getAsJsonObject());
        } catch (RuntimeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** @return this configuration as OpenCLIP's bare {@code model_cfg} JSON */
    public JsonObject toJson() {
        return ClipConfigJson.write(this);
    }

    /** @return the number of trainable values, from the tensor shapes (nothing is allocated) */
    public long parameterCount() {
        return ClipShapes.of(this).values().stream()
                .mapToLong(ClipShapes::numel)
                .sum();
    }

    /** @return a builder for architectures that are not presets (e.g. for training experiments) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link ClipConfig}: {@code setEmbedDim}, {@code setVision} and {@code setText} are
     * required; the {@code opt} values default to OpenCLIP's.
     */
    public static final class Builder {
        private Integer embedDim;
        private int[] vision;
        private int[] text;
        private int headWidth = 64;
        private double visionMlpRatio = 4.0;
        private double textMlpRatio = 4.0;
        private boolean quickGelu;

        private Builder() {}

        /** @param dim joint embedding size @return this */
        public Builder setEmbedDim(int dim) {
            this.embedDim = dim;
            return this;
        }

        /**
         * @param imageSize input side
         * @param patchSize patch side
         * @param width token width
         * @param layers residual blocks
         * @return this
         */
        public Builder setVision(int imageSize, int patchSize, int width, int layers) {
            this.vision = new int[] {imageSize, patchSize, width, layers};
            return this;
        }

        /**
         * @param contextLength tokens per text
         * @param vocabSize vocabulary
         * @param width token width
         * @param heads attention heads
         * @param layers residual blocks
         * @return this
         */
        public Builder setText(int contextLength, int vocabSize, int width, int heads, int layers) {
            this.text = new int[] {contextLength, vocabSize, width, heads, layers};
            return this;
        }

        /** @param w image-tower width per head, default 64 @return this */
        public Builder optVisionHeadWidth(int w) {
            this.headWidth = w;
            return this;
        }

        /** @param r image-tower MLP ratio, default 4 @return this */
        public Builder optVisionMlpRatio(double r) {
            this.visionMlpRatio = r;
            return this;
        }

        /** @param r text-tower MLP ratio, default 4 @return this */
        public Builder optTextMlpRatio(double r) {
            this.textMlpRatio = r;
            return this;
        }

        /** @param q QuickGELU instead of GELU, default false @return this */
        public Builder optQuickGelu(boolean q) {
            this.quickGelu = q;
            return this;
        }

        /** @return the validated configuration */
        public ClipConfig build() {
            if (embedDim == null || vision == null || text == null) {
                throw new IllegalStateException("setEmbedDim, setVision and setText are required");
            }
            return new ClipConfig(
                    embedDim,
                    new VisionConfig(vision[0], vision[1], vision[2], vision[3], headWidth, visionMlpRatio),
                    new TextConfig(text[0], text[1], text[2], text[3], text[4], textMlpRatio),
                    quickGelu);
        }
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value);
        }
    }
}
