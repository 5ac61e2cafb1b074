package org.parrotscope.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.Histogram;
import tech.tablesaw.plotly.components.Figure;

class PlotTest {

    @TempDir
    Path tmp;

    private static Figure histogram() {
        Table t = Table.create("scores", DoubleColumn.create("score", 0.1, 0.2, 0.2, 0.9));
        return Histogram.create("CLIP scores", t, "score");
    }

    @Test
    void plotlyIsEmbeddedOnce_andOnlyAsHtml() {
        PlotlyJs.reset();
        Renderer r = new Renderer();
        DisplayData first = r.render(Plot.of(histogram()));
        DisplayData second = r.render(Plot.of(histogram()));
        String h1 = (String) first.getData(MIMEType.TEXT_HTML);
        String h2 = (String) second.getData(MIMEType.TEXT_HTML);
        assertTrue(h1.contains("plotly.js (cartesian - minified) v1.54.1"));
        assertFalse(h2.contains("plotly.js (cartesian"));
        assertTrue(h2.contains("Plotly.newPlot") && h2.matches("(?s).*<div id='psplot_[0-9a-f]{32}'.*"), h2);
        Object plain = first.getData(MIMEType.TEXT_PLAIN);
        assertTrue(
                plain == null || plain.toString().length() < 100,
                "no text/plain copy of the HTML bloating the notebook");
    }

    @Test
    void bundleHidesRequireJsDefine_whileLoading() {
        String s = PlotlyJs.inlineScript();
        int hide = s.indexOf("window.define = undefined");
        int body = s.indexOf("plotly.js (cartesian");
        int restore = s.lastIndexOf("window.define = __psDefine");
        assertTrue(hide >= 0 && hide < body && body < restore, "define hidden before the bundle and restored after");
        assertEquals("1.54.1", PlotlyJs.version());
    }

    @Test
    void savedPage_isStandaloneAndOffline() throws Exception {
        Path f = Plot.of(histogram()).save(tmp.resolve("hist.html"));
        String s = Files.readString(f);
        assertTrue(s.contains("plotly.js (cartesian - minified) v1.54.1"));
        assertTrue(s.contains("Plotly.newPlot"));
        assertFalse(s.contains("<script src"), "no external script");
    }

    @Test
    void toString_summarises() {
        assertEquals("Plot[CLIP scores, 1 trace(s)]", Plot.of(histogram()).toString());
    }
}
