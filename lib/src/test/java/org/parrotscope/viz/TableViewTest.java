package org.parrotscope.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableViewTest {

    @TempDir
    Path tmp;

    private static Table numbers(int rows) {
        return Table.create(
                "numbers",
                IntColumn.create("i", IntStream.range(0, rows).toArray()),
                StringColumn.create(
                        "s", IntStream.range(0, rows).mapToObj(i -> "r" + i).toList()));
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void html_showsOnlyMaxRows_andTheFullSize() {
        Table t = numbers(25);
        String html = new TableView(t, 20).html();
        assertEquals(1 + 20, count(html, "<tr>"), "header row + 20 data rows");
        assertTrue(html.contains("r19") && !html.contains("r20"), html);
        assertTrue(html.contains("showing 20 of 25 rows × 2 columns"), html);
        assertEquals(25, t.rowCount(), "the caller's table is not changed");
    }

    @Test
    void smallTable_isShownWhole() {
        assertEquals("3 rows × 2 columns", new TableView(numbers(3), 20).sizeLine());
    }

    @Test
    void rendersAsHtmlAndText_throughBasekernelRenderer() {
        DisplayData d = new Renderer().render(TableView.of(numbers(2)));
        assertTrue(((String) d.getData(MIMEType.TEXT_HTML)).contains("<table"));
        assertTrue(((String) d.getData(MIMEType.TEXT_PLAIN)).contains("2 rows × 2 columns"));
    }

    @Test
    void bareTable_rendersAsView_onceRenderersAreRegistered() {
        Renderer r = new Renderer();
        Notebook.registerRenderers(r);
        DisplayData d = r.render(numbers(30));
        assertTrue(((String) d.getData(MIMEType.TEXT_HTML)).contains("showing 20 of 30 rows"));
    }

    @Test
    void csv_holdsAllRowsWithQuoting() throws Exception {
        Table t = Table.create("w", StringColumn.create("word", "parrot", "a,b"), IntColumn.create("count", 3, 1));
        Path csv = TableView.of(t).saveCsv(tmp.resolve("out/w.csv"));
        assertEquals("word,count\nparrot,3\n\"a,b\",1\n", Files.readString(csv));
    }

    @Test
    void htmlFile_holdsAllRows() throws Exception {
        Path html = new TableView(numbers(30), 5).saveHtml(tmp.resolve("t.html"));
        String s = Files.readString(html);
        assertTrue(s.startsWith("<!DOCTYPE html>"));
        assertEquals(31, count(s, "<tr>"));
    }
}
