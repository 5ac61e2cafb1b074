package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Rect;

/** {@link OcrOptions#detCrop()}: the region the enlarged detection is spent on, and that it finds the words there. */
class LineDetectorCropTest {

    @Test
    void textPixels_boundingRectangleOfCellsAboveThreshold() {
        float[] prob = new float[4 * 5]; // 4 rows, 5 columns
        prob[1 * 5 + 2] = 0.9f; // row 1, column 2
        prob[3 * 5 + 4] = 0.31f; // row 3, column 4
        prob[0] = 0.3f; // at the threshold: not text
        assertArrayEquals(new int[] {2, 1, 5, 4}, LineDetector.textPixels(prob, 4, 5, 0.3f));
        assertNull(LineDetector.textPixels(new float[20], 4, 5, 0.3f));
    }

    @Test
    void cropRegion_padsByFractionOfLongerSide_clipsToImage_andGivesUpOnLargeRegions() {
        // 256x200 image: pad = ceil(0.08 * 256) = 21
        Rect r = LineDetector.cropRegion(new int[] {100, 50, 140, 70}, 200, 256);
        assertEquals(new Rect(79, 29, 82, 62), r);
        // near the corner: clipped at 0
        assertEquals(new Rect(0, 0, 31, 31), LineDetector.cropRegion(new int[] {5, 5, 10, 10}, 200, 256));
        // a padded region of 0.8 of the image or more is enlarged whole: 256 * 180 > 0.8 * 256 * 200
        assertNull(LineDetector.cropRegion(new int[] {0, 10, 256, 170}, 200, 256));
    }

    @Test
    void croppedDetection_oneWordInACorner_sameWordsAsWholeImage() throws Exception {
        assumeTrue(PpOcrModels.present(), "PP-OCR models not installed (run environment/bootstrap)");
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(235, 230, 220));
        g.fillRect(0, 0, 256, 256);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(30, 30, 90));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString("PARROT", 150, 230);
        g.dispose();
        OcrOptions crop = OcrOptions.builder().optDetCrop(true).build();
        try (TextSpotter a = TextSpotters.create(PpOcrSpotter.NAME, crop);
                TextSpotter b = TextSpotters.create(
                        PpOcrSpotter.NAME, crop.toBuilder().optDetCrop(false).build())) {
            List<SpottedWord> cropped = a.spot(img);
            List<SpottedWord> whole = b.spot(img);
            assertEquals(
                    List.of("PARROT"), cropped.stream().map(SpottedWord::text).toList());
            assertEquals(
                    whole.stream().map(SpottedWord::text).toList(),
                    cropped.stream().map(SpottedWord::text).toList());
            // the word lies in the corner, in whole-image pixels
            assertEquals(true, cropped.get(0).box().x0() >= 140, cropped.toString());
        }
    }
}
