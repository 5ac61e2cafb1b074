package org.parrotscope.edit;

/**
 * How text is removed (paper Step 5: "the fast marching method [Telea 2004] ... in the area of the spotted text
 * polygons"). The paper gives neither the inpainting radius nor a mask dilation (PAPER.md Q6); both defaults are
 * ours.
 *
 * @param radius the Telea neighbourhood radius in pixels: each masked pixel is filled from the known pixels within
 *     this distance. Ours: 3 px, the value of OpenCV's own inpainting sample; larger radii blur more and cost time
 *     quadratically
 * @param dilation pixels the filled word polygons are grown by (an elliptical structuring element of diameter
 *     {@code 2 * dilation + 1}). Ours: 2 px, because OCR quads hug the glyphs and anti-aliased edge pixels and
 *     serifs just outside them would otherwise be left as a readable ghost of the word
 */
public record InpaintConfig(double radius, int dilation) {

    /** The defaults: radius 3 px, dilation 2 px. */
    public static final InpaintConfig DEFAULT = builder().build();

    /** Validates the fields. */
    public InpaintConfig {
        if (!(radius > 0 && radius <= 64)) {
            throw new IllegalArgumentException("inpainting radius must be in (0, 64] pixels: " + radius);
        }
        if (dilation < 0 || dilation > 64) {
            throw new IllegalArgumentException("mask dilation must be in [0, 64] pixels: " + dilation);
        }
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link InpaintConfig}. */
    public static final class Builder {
        private double radius = 3;
        private int dilation = 2;

        private Builder() {}

        /** @param r the Telea radius in pixels, default 3 @return this */
        public Builder optRadius(double r) {
            this.radius = r;
            return this;
        }

        /** @param d the mask dilation in pixels, default 2 @return this */
        public Builder optDilation(int d) {
            this.dilation = d;
            return this;
        }

        /** @return the validated configuration */
        public InpaintConfig build() {
            return new InpaintConfig(radius, dilation);
        }
    }
}
