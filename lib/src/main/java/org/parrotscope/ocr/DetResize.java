package org.parrotscope.ocr;

/**
 * The detection input size of PP-OCR: PaddleOCR's {@code DetResizeForTest} with {@code limit_type=max}
 * (the longer side is capped), plus an optional enlargement of small images, then each side rounded to
 * a multiple of 32 (the DB network downsamples by 32; other sizes fail inside ONNX Runtime).
 */
final class DetResize {

    private DetResize() {}

    /**
     * @param height image height
     * @param width image width
     * @param maxSide the longer side is scaled down to this when larger
     * @param upscaleTo when the longer side is smaller than this, it is scaled up to it (0: never)
     * @return {@code {height, width}} of the detection input, multiples of 32, at least 32
     */
    static int[] size(int height, int width, int maxSide, int upscaleTo) {
        int longer = Math.max(height, width);
        double ratio = 1.0;
        if (longer > maxSide) {
            ratio = (double) maxSide / longer;
        } else if (upscaleTo > 0 && longer < upscaleTo) {
            ratio = (double) upscaleTo / longer;
        }
        // int() truncates, then Python's round() rounds halves to even: Math.rint, not Math.round
        int h = (int) (height * ratio);
        int w = (int) (width * ratio);
        return new int[] {multipleOf32(h), multipleOf32(w)};
    }

    /**
     * @param height image (or image part) height
     * @param width its width
     * @param ratio the scale
     * @return {@code {height, width}} scaled, each rounded as {@link #size} does
     */
    static int[] scaled(int height, int width, double ratio) {
        return new int[] {multipleOf32((int) (height * ratio)), multipleOf32((int) (width * ratio))};
    }

    private static int multipleOf32(int v) {
        return Math.max((int) Math.rint(v / 32.0) * 32, 32);
    }
}
