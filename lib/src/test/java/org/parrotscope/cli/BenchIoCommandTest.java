package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
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
}
