package org.parrotscope.clip;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * OpenCLIP's eval image transform: resize the shortest side to S with Pillow's bicubic filter, centre crop
 * S x S, convert to RGB, divide by 255 and normalise per channel. Reproduces OpenCLIP's pixel values to the
 * uint8 level (see {@link PilResample}); the result is CHW float32, the layout the vision tower takes.
 *
 * @param imageSize S, the side of the square the model sees (224 for ViT-B/32)
 * @param mean per-channel mean (R, G, B); copied
 * @param std per-channel standard deviation (R, G, B), all positive; copied
 */
public record ClipPreprocessor(int imageSize, float[] mean, float[] std) {

    /** OpenAI CLIP's normalisation mean, OpenCLIP's default ({@code OPENAI_DATASET_MEAN}). */
    public static final float[] OPENAI_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};

    /** OpenAI CLIP's normalisation standard deviation ({@code OPENAI_DATASET_STD}). */
    public static final float[] OPENAI_STD = {0.26862954f, 0.26130258f, 0.27577711f};

    /** Validates the size and the three-channel statistics. */
    public ClipPreprocessor {
        if (imageSize <= 0) {
            throw new IllegalArgumentException("image size must be positive, not " + imageSize);
        }
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException(
                    "mean and std need 3 channels, not " + mean.length + " and " + std.length);
        }
        mean = mean.clone();
        std = std.clone();
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be positive: " + Arrays.toString(std));
            }
        }
    }

    /** @return a builder with OpenAI's mean and std */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads OpenCLIP's {@code preprocess_cfg} ({@code mean}, {@code std}; OpenAI's when absent), given either that
     * object or a whole model {@code config.json} holding it. Only OpenCLIP's default eval resize is implemented, so
     * an {@code interpolation} other than bicubic or a {@code resize_mode} other than shortest is refused.
     *
     * @param cfg the preprocess_cfg object or a config.json object
     * @param imageSize S; when 0 or less, taken from {@code model_cfg.vision_cfg.image_size} (or {@code size})
     * @return the preprocessor
     * @throws IllegalArgumentException for an unsupported or malformed configuration
     */
    public static ClipPreprocessor fromConfig(JsonObject cfg, int imageSize) {
        JsonObject pre = cfg.has("preprocess_cfg") ? cfg.getAsJsonObject("preprocess_cfg") : cfg;
        Builder b = builder();
        if (pre.has("mean")) {
            b.optMean(floats(pre.get("mean"), "mean"));
        }
        if (pre.has("std")) {
            b.optStd(floats(pre.get("std"), "std"));
        }
        String interpolation =
                pre.has("interpolation") ? pre.get("interpolation").getAsString() : "bicubic";
        String resizeMode = pre.has("resize_mode") ? pre.get("resize_mode").getAsString() : "shortest";
        if (!interpolation.toLowerCase(Locale.ROOT).equals("bicubic") || !resizeMode.equals("shortest")) {
            throw new IllegalArgumentException(
                    "only bicubic resize of the shortest side is implemented, not interpolation=" + interpolation
                            + " resize_mode=" + resizeMode);
        }
        int size = imageSize;
        if (size <= 0 && cfg.has("model_cfg")) {
            size = cfg.getAsJsonObject("model_cfg")
                    .getAsJsonObject("vision_cfg")
                    .get("image_size")
                    .getAsInt();
        } else if (size <= 0 && pre.has("size")) {
            JsonElement s = pre.get("size");
            size = s.isJsonArray() ? s.getAsJsonArray().get(0).getAsInt() : s.getAsInt();
        }
        return b.setImageSize(size).build();
    }

    private static float[] floats(JsonElement e, String name) {
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException("preprocess_cfg." + name + " is not an array: " + e);
        }
        JsonArray a = e.getAsJsonArray();
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /**
     * Preprocesses one image.
     *
     * @param image any decoded image (RGB, gray, palette, with or without alpha)
     * @return CHW float32 of length 3 * S * S
     */
    public float[] apply(BufferedImage image) {
        float[] out = new float[3 * imageSize * imageSize];
        apply(image, out, 0);
        return out;
    }

    /**
     * Preprocesses a batch into one NCHW array.
     *
     * @param images the images
     * @return float32 of length N * 3 * S * S, image i at offset i * 3 * S * S
     */
    public float[] apply(List<BufferedImage> images) {
        int per = 3 * imageSize * imageSize;
        float[] out = new float[Math.multiplyExact(images.size(), per)];
        for (int i = 0; i < images.size(); i++) {
            apply(images.get(i), out, i * per);
        }
        return out;
    }

    /**
     * The uint8 RGB pixels the model sees (after resize and crop, before normalisation), e.g. to display them.
     *
     * @param image the image
     * @return S * S * 3 bytes, interleaved RGB, row-major
     */
    public byte[] resizedRgb(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        PilImages.Mode mode = PilImages.mode(image);
        Pixels px = PilImages.pixels(image, mode);
        int w = px.width();
        int h = px.height();
        // torchvision Resize(int): the short side becomes S, the long side int(S * long / short)
        int outW = w <= h ? imageSize : (int) ((double) imageSize * w / h);
        int outH = w <= h ? (int) ((double) imageSize * h / w) : imageSize;
        px = PilImages.resize(px, mode, outW, outH);
        // torchvision CenterCrop: offsets int(round((size - S) / 2)), Python's round is half-to-even
        int left = (int) Math.rint((outW - imageSize) / 2.0);
        int top = (int) Math.rint((outH - imageSize) / 2.0);
        px = px.crop(left, top, imageSize, imageSize);
        byte[] rgb = new byte[imageSize * imageSize * 3];
        for (int i = 0; i < imageSize * imageSize; i++) {
            for (int c = 0; c < 3; c++) {
                // L and LA replicate the gray band; alpha is dropped, as Pillow's convert("RGB")
                rgb[i * 3 + c] = px.data()[i * px.bands() + (px.bands() <= 2 ? 0 : c)];
            }
        }
        return rgb;
    }

    private void apply(BufferedImage image, float[] out, int offset) {
        byte[] rgb = resizedRgb(image);
        int plane = imageSize * imageSize;
        for (int c = 0; c < 3; c++) {
            float m = mean[c];
            float s = std[c];
            for (int i = 0; i < plane; i++) {
                // ToTensor divides by 255 in float32, Normalize subtracts then divides, both in float32
                out[offset + c * plane + i] = ((rgb[i * 3 + c] & 0xff) / 255f - m) / s;
            }
        }
    }

    /** Builder: {@code setImageSize} required; mean and std default to OpenAI's. */
    public static final class Builder {
        private int imageSize;
        private float[] mean = OPENAI_MEAN;
        private float[] std = OPENAI_STD;

        /**
         * @param imageSize S (required)
         * @return this
         */
        public Builder setImageSize(int imageSize) {
            this.imageSize = imageSize;
            return this;
        }

        /**
         * @param mean per-channel mean; default {@link #OPENAI_MEAN}
         * @return this
         */
        public Builder optMean(float[] mean) {
            this.mean = mean.clone();
            return this;
        }

        /**
         * @param std per-channel std; default {@link #OPENAI_STD}
         * @return this
         */
        public Builder optStd(float[] std) {
            this.std = std.clone();
            return this;
        }

        /** @return the validated preprocessor */
        public ClipPreprocessor build() {
            return new ClipPreprocessor(imageSize, mean, std);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClipPreprocessor p
                && imageSize == p.imageSize
                && Arrays.equals(mean, p.mean)
                && Arrays.equals(std, p.std);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * imageSize + Arrays.hashCode(mean)) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "ClipPreprocessor[imageSize=" + imageSize + ", mean=" + Arrays.toString(mean) + ", std="
                + Arrays.toString(std) + "]";
    }
}
