package org.parrotscope.ocr;

import java.nio.file.Path;

/**
 * Engine settings shared by all engines; each engine reads the fields it needs. Build with
 * {@link #builder()}; every field is optional and {@link #defaults()} gives the documented values.
 *
 * @param modelDir folder holding {@code ppocr/} (null: {@link ModelPaths#modelsRoot()})
 * @param tessdata Tesseract's tessdata folder (null: found by {@link Tessdata#locate()})
 * @param tessLanguage Tesseract language(s), default {@code eng}
 * @param detMaxSide ppocr: the longer detection side is limited to this (PaddleOCR {@code det_limit_side_len}
 *     with {@code limit_type=max}), default 1280 (PaddleOCR: 960; on rendered 1280x720 images with 6-9 px capitals
 *     word recall 0.911 at 960, 0.961 at 1280 and at 1600, for 1.8x the detection time at 1280;
 *     {@code bench ocr --det-sizes})
 * @param detUpscaleTo ppocr: images whose longer side is smaller are enlarged to this before detection,
 *     0 disables; default 640 (PaddleOCR never enlarges; docs/STACK.md, PP-OCR: measured 61% to 84% recall on
 *     small photos with this and unclip 2.0)
 * @param detProbe ppocr: before enlarging an image, detect at its own size and skip the enlarged pass when no pixel
 *     reaches {@code detThreshold} (the image has no text line at either size in practice, and the enlarged pass
 *     costs most of the time); default true
 * @param detLineHeight ppocr, with {@code detProbe}: enlarge a probed image only as far as its smallest probed line
 *     needs to be this many pixels high (its detected box, unclipped), at most to {@code detUpscaleTo}; 0 always
 *     enlarges to {@code detUpscaleTo}; default 0
 * @param detCrop ppocr, with {@code detProbe}: enlarge only the part of the image around the probe's text pixels (their
 *     bounding rectangle, padded by {@link LineDetector#CROP_PAD} of the longer side) instead of the whole image,
 *     when that part is at most {@link LineDetector#CROP_MAX_AREA} of it; default false: on 60 mini-LAION images
 *     it ran 2.5x the images per CPU second but recalled 0.948 instead of 0.974 of the words (hard set 0.868
 *     instead of 0.893): small print the native-size probe does not see is never enlarged (lib/README.md)
 * @param detThreshold ppocr: DB probability threshold for text pixels, default 0.3 (PaddleOCR {@code det_db_thresh})
 * @param boxThreshold ppocr: minimum mean probability inside a box, default 0.6 (PaddleOCR {@code det_db_box_thresh})
 * @param unclipRatio ppocr: DB box expansion, offset = area * ratio / perimeter; default 2.0 (PaddleOCR: 1.5)
 * @param dropScore ppocr: lines whose recognition score is below this are dropped, default 0.5 (PaddleOCR {@code
 * drop_score})
 * @param recBatchSize ppocr: text lines per recognition batch, default 6 (PaddleOCR {@code rec_batch_num})
 * @param recMinWidth ppocr: a recognition batch is padded to at least this width at height 48, default 160
 *     (PaddleOCR pads to 320; on mini-LAION 160 read more words right, P 0.958 to 0.970 and R 0.970 to 0.979 on
 *     shards 00000-00001, and short words cost half the recognition time)
 * @param intraOpThreads ppocr: ONNX Runtime threads per inference, default 1 (one worker per core is faster,
 * docs/STACK.md, PP-OCR)
 * @param wordGapRatio ppocr: also split lines at blank ink gaps at least this times the ink height wide, default 0.3;
 *     0 splits at recognised spaces only (PaddleOCR). The Chinese-dictionary recogniser often omits the space
 *     between Latin words ({@link InkGaps})
 * @param dropSymbolWords ppocr: drop words without any letter or digit (stars, arrows, brackets the recogniser
 *     reads on shapes), default true
 * @param tessMinConfidence ppocr-det+tesseract: drop words Tesseract reads with a lower confidence (in [0, 1]),
 *     default 0.5
 */
public record OcrOptions(
        Path modelDir,
        Path tessdata,
        String tessLanguage,
        int detMaxSide,
        int detUpscaleTo,
        boolean detProbe,
        int detLineHeight,
        boolean detCrop,
        float detThreshold,
        float boxThreshold,
        float unclipRatio,
        float dropScore,
        int recBatchSize,
        int recMinWidth,
        int intraOpThreads,
        float wordGapRatio,
        boolean dropSymbolWords,
        float tessMinConfidence) {

    /** Validates the ranges. */
    public OcrOptions {
        if (tessLanguage == null || tessLanguage.isBlank()) {
            throw new IllegalArgumentException("tessLanguage must be set");
        }
        if (detMaxSide < 32) {
            throw new IllegalArgumentException("detMaxSide must be >= 32: " + detMaxSide);
        }
        if (detUpscaleTo < 0 || detUpscaleTo > detMaxSide) {
            throw new IllegalArgumentException("detUpscaleTo must be in [0, detMaxSide]: " + detUpscaleTo);
        }
        if (detLineHeight < 0) {
            throw new IllegalArgumentException("detLineHeight must be >= 0: " + detLineHeight);
        }
        if (!(detThreshold > 0 && detThreshold < 1)
                || !(boxThreshold >= 0 && boxThreshold < 1)
                || !(dropScore >= 0 && dropScore <= 1)) {
            throw new IllegalArgumentException("thresholds must be in (0, 1): det " + detThreshold + ", box "
                    + boxThreshold + ", drop " + dropScore);
        }
        if (!(unclipRatio >= 0)) {
            throw new IllegalArgumentException("unclipRatio must be >= 0: " + unclipRatio);
        }
        if (!(wordGapRatio >= 0)) {
            throw new IllegalArgumentException("wordGapRatio must be >= 0: " + wordGapRatio);
        }
        if (!(tessMinConfidence >= 0 && tessMinConfidence <= 1)) {
            throw new IllegalArgumentException("tessMinConfidence must be in [0, 1]: " + tessMinConfidence);
        }
        if (recMinWidth < 8) {
            throw new IllegalArgumentException("recMinWidth must be >= 8: " + recMinWidth);
        }
        if (recBatchSize < 1 || intraOpThreads < 0) {
            throw new IllegalArgumentException("recBatchSize must be >= 1 and intraOpThreads >= 0");
        }
    }

    /** @return the default options */
    public static OcrOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.modelDir = modelDir;
        b.tessdata = tessdata;
        b.tessLanguage = tessLanguage;
        b.detMaxSide = detMaxSide;
        b.detUpscaleTo = detUpscaleTo;
        b.detProbe = detProbe;
        b.detLineHeight = detLineHeight;
        b.detCrop = detCrop;
        b.detThreshold = detThreshold;
        b.boxThreshold = boxThreshold;
        b.unclipRatio = unclipRatio;
        b.dropScore = dropScore;
        b.recBatchSize = recBatchSize;
        b.recMinWidth = recMinWidth;
        b.intraOpThreads = intraOpThreads;
        b.wordGapRatio = wordGapRatio;
        b.dropSymbolWords = dropSymbolWords;
        b.tessMinConfidence = tessMinConfidence;
        return b;
    }

    /** Builder for {@link OcrOptions}; see the record components for meanings and defaults. */
    public static final class Builder {
        private Path modelDir;
        private Path tessdata;
        private String tessLanguage = "eng";
        private int detMaxSide = 1280;
        private int detUpscaleTo = 640;
        private boolean detProbe = true;
        private int detLineHeight = 0;
        private boolean detCrop = false;
        private float detThreshold = 0.3f;
        private float boxThreshold = 0.6f;
        private float unclipRatio = 2.0f;
        private float dropScore = 0.5f;
        private int recBatchSize = 6;
        private int recMinWidth = 160;
        private int intraOpThreads = 1;
        private float wordGapRatio = 0.3f;
        private boolean dropSymbolWords = true;
        private float tessMinConfidence = 0.5f;

        private Builder() {}

        /** @param v the models folder (holding {@code ppocr/}) @return this */
        public Builder optModelDir(Path v) {
            modelDir = v;
            return this;
        }

        /** @param v the tessdata folder @return this */
        public Builder optTessdata(Path v) {
            tessdata = v;
            return this;
        }

        /** @param v Tesseract language(s), e.g. {@code eng} @return this */
        public Builder optTessLanguage(String v) {
            tessLanguage = v;
            return this;
        }

        /** @param v longer detection side limit @return this */
        public Builder optDetMaxSide(int v) {
            detMaxSide = v;
            return this;
        }

        /** @param v enlarge smaller images to this longer side before detection (0: never) @return this */
        public Builder optDetUpscaleTo(int v) {
            detUpscaleTo = v;
            return this;
        }

        /** @param v probe at the image's own size before enlarging it @return this */
        public Builder optDetProbe(boolean v) {
            detProbe = v;
            return this;
        }

        /** @param v enlarge until the smallest probed line is this high (0: always to detUpscaleTo) @return this */
        public Builder optDetLineHeight(int v) {
            detLineHeight = v;
            return this;
        }

        /** @param v enlarge only the probe's text region (with detProbe) @return this */
        public Builder optDetCrop(boolean v) {
            detCrop = v;
            return this;
        }

        /** @param v DB pixel threshold @return this */
        public Builder optDetThreshold(float v) {
            detThreshold = v;
            return this;
        }

        /** @param v DB box score threshold @return this */
        public Builder optBoxThreshold(float v) {
            boxThreshold = v;
            return this;
        }

        /** @param v DB unclip ratio @return this */
        public Builder optUnclipRatio(float v) {
            unclipRatio = v;
            return this;
        }

        /** @param v minimum line recognition score @return this */
        public Builder optDropScore(float v) {
            dropScore = v;
            return this;
        }

        /** @param v lines per recognition batch @return this */
        public Builder optRecBatchSize(int v) {
            recBatchSize = v;
            return this;
        }

        /** @param v least padded recognition width at height 48 @return this */
        public Builder optRecMinWidth(int v) {
            recMinWidth = v;
            return this;
        }

        /** @param v ONNX Runtime intra-op threads (0: runtime default) @return this */
        public Builder optIntraOpThreads(int v) {
            intraOpThreads = v;
            return this;
        }

        /** @param v split lines at ink gaps this times the ink height wide (0: at spaces only) @return this */
        public Builder optWordGapRatio(float v) {
            wordGapRatio = v;
            return this;
        }

        /** @param v drop words without a letter or digit @return this */
        public Builder optDropSymbolWords(boolean v) {
            dropSymbolWords = v;
            return this;
        }

        /** @param v minimum Tesseract word confidence of ppocr-det+tesseract, in [0, 1] @return this */
        public Builder optTessMinConfidence(float v) {
            tessMinConfidence = v;
            return this;
        }

        /** @return the validated options */
        public OcrOptions build() {
            return new OcrOptions(
                    modelDir,
                    tessdata,
                    tessLanguage,
                    detMaxSide,
                    detUpscaleTo,
                    detProbe,
                    detLineHeight,
                    detCrop,
                    detThreshold,
                    boxThreshold,
                    unclipRatio,
                    dropScore,
                    recBatchSize,
                    recMinWidth,
                    intraOpThreads,
                    wordGapRatio,
                    dropSymbolWords,
                    tessMinConfidence);
        }
    }
}
