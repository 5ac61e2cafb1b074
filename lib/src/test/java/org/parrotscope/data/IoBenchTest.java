package org.parrotscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.util.Progress;
import tech.tablesaw.api.Table;

class IoBenchTest {

    @TempDir
    Path tmp;

    @Test
    void run_decodesEveryImageOncePerRunAndCountsTheCorruptOne() throws Exception {
        Map<String, byte[]> m = TestFiles.ordered();
        for (int i = 0; i < 3; i++) {
            TestFiles.sample(m, "00000000" + i, "jpg", TestFiles.image("jpg", 300, 250, Color.ORANGE), "c " + i, null);
        }
        TestFiles.sample(m, "000000009", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}, "broken", null);
        Path files = tmp.resolve("files");
        Path tar = TestFiles.gnuTar(files, TestFiles.files(files, m), tmp.resolve("b.tar"), "gnu");
        IoBenchConfig config =
                IoBenchConfig.builder().optThreads(2).optRepeat(2).optWarmup(0).build();
        IoBenchReport report =
                new IoBench(config, t -> Progress.silent()).run(Datasets.resolve(List.of(tar.toString())));
        assertEquals(
                List.of(1, 2),
                report.runs().stream().map(IoBenchReport.Run::threads).toList());
        for (IoBenchReport.Run r : report.runs()) {
            assertEquals(3, r.images());
            assertEquals(1, r.skipped());
        }
        Table t = report.toTable();
        assertEquals(2, t.rowCount());
        for (int i = 0; i < 2; i++) {
            IoBenchReport.Run r = report.runs().get(i);
            assertEquals(r.threads(), t.intColumn("threads").getInt(i));
            assertEquals(3L, t.longColumn("images").getLong(i));
            assertEquals(3 / r.seconds(), t.doubleColumn("images_per_s").getDouble(i), 1e-9);
            assertEquals(
                    (3 / r.seconds()) / (3 / report.runs().get(0).seconds()),
                    t.doubleColumn("speedup").getDouble(i),
                    1e-9);
        }
        assertEquals(2 + 2, report.lines().size());
    }

    @Test
    void config_rejectsNonPositiveCounts() {
        assertThrows(
                IllegalArgumentException.class,
                () -> IoBenchConfig.builder().optThreads(0).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> IoBenchConfig.builder().optWarmup(-1).build());
    }

    @Test
    void resize_makesTheShorterSideTheTarget() {
        // 300x600 -> 224x448; 1000x500 -> halved once to 500x250, then 448x224
        assertEquals(
                "224x448",
                dims(IoBench.resizeShorterSide(new BufferedImage(300, 600, BufferedImage.TYPE_INT_RGB), 224)));
        assertEquals(
                "448x224",
                dims(IoBench.resizeShorterSide(new BufferedImage(1000, 500, BufferedImage.TYPE_INT_RGB), 224)));
        assertEquals(
                "224x224",
                dims(IoBench.resizeShorterSide(new BufferedImage(224, 224, BufferedImage.TYPE_INT_RGB), 224)));
    }

    private static String dims(BufferedImage img) {
        return img.getWidth() + "x" + img.getHeight();
    }
}
