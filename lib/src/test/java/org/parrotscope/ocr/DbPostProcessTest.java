package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Point;
import org.opencv.core.RotatedRect;
import org.opencv.core.Size;

class DbPostProcessTest {

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    @Test
    void unclipDistance_isAreaTimesRatioOverPerimeter() {
        // 100 x 20 rectangle: area 2000, perimeter 240; ratio 1.5 -> 2000 * 1.5 / 240 = 12.5
        assertEquals(12.5, DbPostProcess.unclipDistance(100, 20, 1.5), 1e-12);
    }

    @Test
    void unclip_rotatedRectangle_growsEachSideByDistanceKeepingCentreAndAngle() {
        RotatedRect r = new RotatedRect(new Point(50, 40), new Size(100, 20), 30);
        RotatedRect g = DbPostProcess.unclip(r, 1.5);
        assertEquals(125, g.size.width, 1e-9);
        assertEquals(45, g.size.height, 1e-9);
        assertEquals(30, g.angle, 1e-12);
        assertEquals(50, g.center.x, 1e-12);
        assertEquals(40, g.center.y, 1e-12);
    }

    @Test
    void miniBox_axisAlignedRectangle_ordersClockwiseFromTopLeft() {
        float[] q = DbPostProcess.miniBox(new RotatedRect(new Point(30, 20), new Size(40, 10), 0));
        assertArrayEquals(new float[] {10, 15, 50, 15, 50, 25, 10, 25}, q, 1e-4f);
    }

    @Test
    void detect_filledRectangle_givesUnclippedBoxScaledToImage() {
        // a 64x64 map with probability 0.9 on rows 20..29 and columns 10..49, 0 elsewhere
        int h = 64, w = 64;
        float[] prob = new float[h * w];
        for (int y = 20; y <= 29; y++) {
            for (int x = 10; x <= 49; x++) {
                prob[y * w + x] = 0.9f;
            }
        }
        List<DbPostProcess.Detection> d = new DbPostProcess(0.3f, 0.6f, 2.0f).detect(prob, h, w, 128, 128);
        assertEquals(1, d.size());
        assertEquals(0.9f, d.get(0).score(), 1e-6);
        // the contour runs through pixel centres: a 39 x 9 rectangle centred at (29.5, 24.5);
        // unclip 2.0: d = 39*9*2 / (2*(39+9)) = 7.3125 -> 53.625 x 23.625:
        // x 2.6875..56.3125, y 12.6875..36.3125; times 2 (128/64) and rounded: x 5..113, y 25..73
        assertArrayEquals(new float[] {5, 25, 113, 25, 113, 73, 5, 73}, d.get(0).quad(), 1e-4f);
    }

    @Test
    void detect_lowScoreOrTinyRegions_areDropped() {
        int h = 32, w = 32;
        float[] prob = new float[h * w];
        for (int y = 5; y <= 14; y++) {
            for (int x = 5; x <= 25; x++) {
                prob[y * w + x] = 0.5f; // above thresh 0.3 but below box threshold 0.6
            }
        }
        prob[28 * w + 28] = 0.99f; // a single pixel: shorter side < 3
        assertTrue(
                new DbPostProcess(0.3f, 0.6f, 2.0f).detect(prob, h, w, 32, 32).isEmpty());
    }
}
