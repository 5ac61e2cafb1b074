package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.TestFiles;
import picocli.CommandLine;

class BenchIoCommandTest {

    @TempDir
    Path tmp;

    @Test
    void noShards_explainsWhatToPassAndFails() {
        StringWriter err = new StringWriter();
        CommandLine cl = ParrotScope.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("bench", "io"));
        assertTrue(err.toString().contains("no shards given"), err.toString());
    }

    @Test
    void smallShard_printsOneRowPerThreadCount() throws IOException {
        Map<String, byte[]> m = TestFiles.ordered();
        for (int i = 0; i < 3; i++) {
            TestFiles.sample(m, "00000000" + i, "jpg", TestFiles.image("jpg", 300, 250, Color.ORANGE), "c " + i, null);
        }
        Path files = tmp.resolve("files");
        Path tar = TestFiles.gnuTar(files, TestFiles.files(files, m), tmp.resolve("b.tar"), "gnu");
        StringWriter out = new StringWriter();
        CommandLine cl = ParrotScope.commandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("bench", "io", tar.toString(), "--threads", "2", "--warmup", "0"));
        assertTrue(out.toString().matches("(?s).*\\n +1 +3 +0 .*\\n +2 +3 +0 .*"), out.toString());
    }

    @Test
    void resize_makesTheShorterSideTheTarget() {
        // 300x600 -> 224x448; 1000x500 -> halved once to 500x250, then 448x224
        assertEquals(
                "224x448",
                dims(BenchIoCommand.resizeShorterSide(new BufferedImage(300, 600, BufferedImage.TYPE_INT_RGB), 224)));
        assertEquals(
                "448x224",
                dims(BenchIoCommand.resizeShorterSide(new BufferedImage(1000, 500, BufferedImage.TYPE_INT_RGB), 224)));
        assertEquals(
                "224x224",
                dims(BenchIoCommand.resizeShorterSide(new BufferedImage(224, 224, BufferedImage.TYPE_INT_RGB), 224)));
    }

    private static String dims(BufferedImage img) {
        return img.getWidth() + "x" + img.getHeight();
    }
}
