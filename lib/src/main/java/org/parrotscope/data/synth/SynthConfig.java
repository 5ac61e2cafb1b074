package org.parrotscope.data.synth;

import java.util.Locale;

/**
 * Options of the mini-LAION generator. The defaults reproduce the paper's Table 1 (LAION-2B, Step 4) on the
 * generator's own ground truth: about 55% of images carry text, about 61% of those have at least one caption
 * word printed in the image, and the mean CoTR over text images is about 0.28.
 *
 * <p>The caption-style defaults were calibrated once against that target (measured on 10,000 samples: a
 * parrot caption contains a printed word about 89% of the time with mean CoTR about 0.51, a mixed one 78% with
 * about 0.17, descriptive and alt-text captions only by accident); they are checked by a test, not tuned at
 * run time.
 *
 * <p>Caption styles are drawn per sample: for an image with text, {@code parrotRate}, {@code mixedRate} and
 * {@code altTextRate} are the probabilities of a parrot, mixed and web alt-text caption, the rest is descriptive;
 * an image without text has nothing to parrot, so it gets an alt-text caption with {@code altTextRate} and a
 * descriptive one otherwise.
 *
 * @param seed the random seed; same seed and options give byte-identical shards
 * @param samples the number of samples
 * @param shardSize samples per shard
 * @param imageSize the width and height of the square images in pixels
 * @param textRate the probability that an image carries embedded text
 * @param parrotRate the probability of a parrot caption (spells printed words) for a text image
 * @param mixedRate the probability of a mixed caption (description plus printed words) for a text image
 * @param altTextRate the probability of a web alt-text caption (file names, SEO strings)
 * @param signRate the probability that a text block is drawn on a sign or label shape
 * @param textScale factor on the printed words' font size (1 = the default sizes, an em of 7.5-15% of the image
 *     side); standard layouts only
 * @param format the image format, {@code jpg} or {@code png}
 * @param jpegQuality the JPEG quality in (0, 1]
 * @param hard true for the hard layouts ({@link HardLayout}; {@code synth --hard}), where the image size is the
 *     side of the square images and some images are 640x480 or 1280x720
 */
public record SynthConfig(
        long seed,
        long samples,
        int shardSize,
        int imageSize,
        double textRate,
        double parrotRate,
        double mixedRate,
        double altTextRate,
        double signRate,
        double textScale,
        String format,
        float jpegQuality,
        boolean hard) {

    /** Default samples per shard (img2dataset's default). */
    public static final int DEFAULT_SHARD_SIZE = 1000;
    /** Default image width and height. */
    public static final int DEFAULT_IMAGE_SIZE = 256;
    /** Default share of images with text: Table 1's 54.60%. */
    public static final double DEFAULT_TEXT_RATE = 0.546;
    /** Default share of parrot captions among text images (calibrated, see the class comment). */
    public static final double DEFAULT_PARROT_RATE = 0.46;
    /** Default share of mixed captions among text images (calibrated). */
    public static final double DEFAULT_MIXED_RATE = 0.25;
    /** Default share of web alt-text captions. */
    public static final double DEFAULT_ALT_TEXT_RATE = 0.10;
    /** Default share of text blocks on a sign or label. */
    public static final double DEFAULT_SIGN_RATE = 0.3;
    /** Default factor on the printed words' font size. */
    public static final double DEFAULT_TEXT_SCALE = 1.0;
    /** Largest factor on the printed words' font size. */
    public static final double MAX_TEXT_SCALE = 4.0;
    /** Default image format. */
    public static final String DEFAULT_FORMAT = "jpg";
    /** Default share of images with text in the hard layouts: most carry text, a few are text-free controls. */
    public static final double HARD_TEXT_RATE = 0.9;
    /** Default JPEG quality. */
    public static final float DEFAULT_JPEG_QUALITY = 0.85f;

    /** Validates the options. */
    public SynthConfig {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0, got " + samples);
        }
        if (shardSize < 1) {
            throw new IllegalArgumentException("shard size must be >= 1, got " + shardSize);
        }
        if (imageSize < 32 || imageSize > 4096) {
            throw new IllegalArgumentException("image size must be in 32..4096 pixels, got " + imageSize);
        }
        rate("text rate", textRate);
        rate("parrot rate", parrotRate);
        rate("mixed rate", mixedRate);
        rate("alt-text rate", altTextRate);
        rate("sign rate", signRate);
        if (!(textScale >= 0.25 && textScale <= MAX_TEXT_SCALE)) {
            throw new IllegalArgumentException(
                    "text scale must be in [0.25, " + MAX_TEXT_SCALE + "], got " + textScale);
        }
        if (hard && textScale != DEFAULT_TEXT_SCALE) {
            throw new IllegalArgumentException("text scale applies to the standard layouts only, not to --hard");
        }
        if (parrotRate + mixedRate + altTextRate > 1 + 1e-9) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "parrot + mixed + alt-text rates must be <= 1 (the rest is descriptive), got %.3f",
                    parrotRate + mixedRate + altTextRate));
        }
        format = format.toLowerCase(Locale.ROOT);
        if (format.equals("jpeg")) {
            format = "jpg";
        }
        if (!format.equals("jpg") && !format.equals("png")) {
            throw new IllegalArgumentException("image format must be jpg or png, got " + format);
        }
        if (!(jpegQuality > 0 && jpegQuality <= 1)) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1], got " + jpegQuality);
        }
    }

    private static void rate(String name, double r) {
        if (!(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + r);
        }
    }

    /** @return the share of text images that get a descriptive caption */
    public double descriptiveRate() {
        return Math.max(0, 1 - parrotRate - mixedRate - altTextRate);
    }

    /** @return the number of shards the samples fill */
    public long shards() {
        return (samples + shardSize - 1) / shardSize;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SynthConfig}: {@code setSeed} and {@code setSamples} are required. */
    public static final class Builder {
        private Long seed;
        private Long samples;
        private int shardSize = DEFAULT_SHARD_SIZE;
        private int imageSize = DEFAULT_IMAGE_SIZE;
        private double textRate = DEFAULT_TEXT_RATE;
        private double parrotRate = DEFAULT_PARROT_RATE;
        private double mixedRate = DEFAULT_MIXED_RATE;
        private double altTextRate = DEFAULT_ALT_TEXT_RATE;
        private double signRate = DEFAULT_SIGN_RATE;
        private double textScale = DEFAULT_TEXT_SCALE;
        private String format = DEFAULT_FORMAT;
        private float jpegQuality = DEFAULT_JPEG_QUALITY;
        private boolean hard;
        private boolean textRateSet;

        private Builder() {}

        /**
         * Sets the seed.
         *
         * @param seed the random seed (required)
         * @return this builder
         */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the samples.
         *
         * @param samples the number of samples (required)
         * @return this builder
         */
        public Builder setSamples(long samples) {
            this.samples = samples;
            return this;
        }

        /**
         * Sets the shard size.
         *
         * @param n samples per shard, default 1000 (img2dataset's default)
         * @return this builder
         */
        public Builder optShardSize(int n) {
            this.shardSize = n;
            return this;
        }

        /**
         * Sets the image size.
         *
         * @param px image width and height, default 256
         * @return this builder
         */
        public Builder optImageSize(int px) {
            this.imageSize = px;
            return this;
        }

        /**
         * Sets the text rate.
         *
         * @param r probability of embedded text, default 0.546 (Table 1: 54.60%)
         * @return this builder
         */
        public Builder optTextRate(double r) {
            this.textRate = r;
            this.textRateSet = true;
            return this;
        }

        /**
         * Sets the parrot rate.
         *
         * @param r probability of a parrot caption for a text image, default 0.46
         * @return this builder
         */
        public Builder optParrotRate(double r) {
            this.parrotRate = r;
            return this;
        }

        /**
         * Sets the mixed rate.
         *
         * @param r probability of a mixed caption for a text image, default 0.25
         * @return this builder
         */
        public Builder optMixedRate(double r) {
            this.mixedRate = r;
            return this;
        }

        /**
         * Sets the alt text rate.
         *
         * @param r probability of a web alt-text caption, default 0.10
         * @return this builder
         */
        public Builder optAltTextRate(double r) {
            this.altTextRate = r;
            return this;
        }

        /**
         * Sets the sign rate.
         *
         * @param r probability that a text block sits on a sign or label, default 0.3
         * @return this builder
         */
        public Builder optSignRate(double r) {
            this.signRate = r;
            return this;
        }

        /**
         * Scales the printed words' font size (standard layouts): 2 prints every word twice as large, so that a
         * small model at a small image size can resolve it. Word placement keeps the words inside the image and
         * apart from each other, shrinking a block that does not fit, so large factors saturate for long lines.
         *
         * @param s factor in [0.25, 4], default 1
         * @return this builder
         */
        public Builder optTextScale(double s) {
            this.textScale = s;
            return this;
        }

        /**
         * Sets the format.
         *
         * @param f {@code jpg} (default) or {@code png}
         * @return this builder
         */
        public Builder optFormat(String f) {
            this.format = f;
            return this;
        }

        /**
         * Sets the jpeg quality.
         *
         * @param q JPEG quality in (0, 1], default 0.85
         * @return this builder
         */
        public Builder optJpegQuality(float q) {
            this.jpegQuality = q;
            return this;
        }

        /**
         * Selects the hard layouts ({@link HardLayout}): multi-line titles, letter-spaced headings, tiled
         * watermarks, small print, product labels and text on textures, in images of 256 px (70%), 640x480 (20%)
         * and 1280x720 (10%) where the image size option sets the square size. Without an explicit text rate,
         * {@link #HARD_TEXT_RATE} of the images carry text.
         *
         * @param hard true for the hard layouts (default false: the standard mini-LAION)
         * @return this builder
         */
        public Builder optHard(boolean hard) {
            this.hard = hard;
            return this;
        }

        /** @return the validated configuration */
        public SynthConfig build() {
            if (seed == null || samples == null) {
                throw new IllegalStateException("SynthConfig needs setSeed and setSamples");
            }
            return new SynthConfig(
                    seed,
                    samples,
                    shardSize,
                    imageSize,
                    hard && !textRateSet ? HARD_TEXT_RATE : textRate,
                    parrotRate,
                    mixedRate,
                    altTextRate,
                    signRate,
                    textScale,
                    format,
                    jpegQuality,
                    hard);
        }
    }
}
