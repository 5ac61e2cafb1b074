package org.parrotscope.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parrotscope.util.Progress;

/** The facade without a kernel, and the progress bar's rendering. */
class NotebookTest {

    @Test
    void withoutKernel_showPrintsText_andReturnsNoId() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertTrue(Notebook.kernel().isEmpty(), "neither attached nor IJava");
            assertNull(Notebook.show(new ImageView(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB))));
        } finally {
            System.setOut(old);
        }
        assertEquals("image 3x2" + System.lineSeparator(), buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void progressBar_rendersBarAndDescription() {
        Progress.State s = new Progress.State("ocr", 3, 10, 1.5, false);
        DisplayData d = new Renderer().render(new ProgressBar(s));
        String html = (String) d.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<progress value=\"3\" max=\"10\""), html);
        // 3 of 10 in 1.5 s: 2.0/s, 7 left -> eta 4 s (Progress.State.describe).
        assertEquals("ocr 3/10 (30%) 2.0/s eta 4s", d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void progressWithoutTotal_hasNoBar() {
        String html = new ProgressBar(new Progress.State("scan", 5, 0, 1, false)).html();
        assertTrue(!html.contains("<progress") && html.contains("scan 5"), html);
    }
}
