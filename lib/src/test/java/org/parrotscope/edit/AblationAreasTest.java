package org.parrotscope.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parrotscope.ocr.Box;
import tech.tablesaw.api.Table;

class AblationAreasTest {

    @Test
    void area_ofOneFilledBox_countsItsPixels() {
        // a 20 x 10 pixel box (right/bottom exclusive) in a 100 x 100 image: 200 of 10,000 pixels
        double a = AblationAreas.area(100, 100, List.of(new Box(10, 10, 30, 20).toQuad()), 0);
        assertEquals(0.02, a, 0.004); // the rasteriser may take the closing row/column as well
        assertEquals(0, AblationAreas.area(100, 100, List.of(), 2), 0);
        assertTrue(AblationAreas.area(100, 100, List.of(new Box(10, 10, 30, 20).toQuad()), 2) > a, "dilation grows it");
    }

    @Test
    void meanAbsoluteChange_averagesOverPixelsAndChannels() {
        BufferedImage a = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        a.setRGB(0, 0, 0x102030);
        b.setRGB(0, 0, 0x2e2030); // red +30
        b.setRGB(1, 0, 0x000006); // blue +6
        assertEquals((30 + 6) / 6.0, AblationAreas.meanAbsoluteChange(a, b), 1e-12);
    }

    @Test
    void intercept_matchesTheHandComputedLeastSquares() {
        // x = -1, 0, 1; y = 1, 3, 2: slope 0.5, intercept 2, residuals -0.5, 1, -0.5, s^2 = 1.5, se = sqrt(1.5/3)
        double[] r = AblationAreas.intercept(new double[] {-1, 0, 1}, new double[] {1, 3, 2});
        assertEquals(2, r[0], 1e-12);
        assertEquals(Math.sqrt(0.5), r[1], 1e-12);
    }

    @Test
    void summary_extrapolatesAGapThatFollowsTheAreaDifference_toItsValueAtEqualAreas() {
        // gap = 0.01 + 0.5 (text area - donor area) exactly, so the gap at equal areas is 0.01 with no error
        List<AblationAreas.Row> areas = new ArrayList<>();
        List<AblationRow> rows = new ArrayList<>();
        double[][] v = {{0.10, 0.05}, {0.04, 0.08}, {0.06, 0.06}, {0.12, 0.02}};
        for (int i = 0; i < v.length; i++) {
            String key = "k" + i;
            double gap = 0.01 + 0.5 * (v[i][0] - v[i][1]);
            areas.add(new AblationAreas.Row(key, "s", Removal.ALL, v[i][0], v[i][1], 2.0 + i, 1.0));
            rows.add(new AblationRow(key, "s", true, 0.5, 0.4, Double.NaN, 0.4 + gap, Double.NaN));
        }
        Table t = AblationAreas.summary(areas, rows);
        assertEquals(1, t.rowCount(), "no Co rows, so no Co line");
        assertEquals(4, t.intColumn("n").get(0));
        assertEquals(
                (0.10 + 0.04 + 0.06 + 0.12) / 4, t.doubleColumn("text_area").get(0), 1e-12);
        assertEquals(
                (0.05 + 0.08 + 0.06 + 0.02) / 4, t.doubleColumn("donor_area").get(0), 1e-12);
        assertEquals(3.5, t.doubleColumn("text_change").get(0), 1e-12);
        // mean gap: 0.01 + 0.5 * mean(0.05, -0.04, 0, 0.10) = 0.01 + 0.01375
        assertEquals(0.02375, t.doubleColumn("gap").get(0), 1e-9);
        assertEquals(0.01, t.doubleColumn("gap_equal_area").get(0), 1e-9);
        assertEquals(0, t.doubleColumn("gap_equal_area_se").get(0), 1e-7);
    }
}
