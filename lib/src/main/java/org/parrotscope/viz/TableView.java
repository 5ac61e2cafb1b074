package org.parrotscope.viz;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import org.parrotscope.util.AtomicFiles;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;
import tech.tablesaw.io.html.HtmlWriteOptions;

/**
 * A Tablesaw table for notebooks: HTML of its first rows plus a line with the full size, and the same as
 * text for consoles; saved whole as CSV or as a standalone HTML page. Never mutates the table.
 *
 * @param table the table
 * @param maxRows rows shown in a notebook (the saved files hold all rows)
 */
public record TableView(Table table, int maxRows) implements HtmlRenderable {

    /** Rows shown when not specified. */
    public static final int DEFAULT_ROWS = 20;

    /** Validates. */
    public TableView {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
        }
    }

    /**
     * @param table a table
     * @return a view showing {@value #DEFAULT_ROWS} rows
     */
    public static TableView of(Table table) {
        return new TableView(table, DEFAULT_ROWS);
    }

    /** @return e.g. {@code "showing 20 of 1,204 rows × 5 columns"} */
    public String sizeLine() {
        int rows = table.rowCount();
        String shown = rows > maxRows ? "showing " + maxRows + " of " : "";
        return String.format(Locale.ROOT, "%s%,d rows × %d columns", shown, rows, table.columnCount());
    }

    /** @return the HTML table of the shown rows followed by the size line */
    @Override
    public String html() {
        return tableHtml(rows()) + "<p><i>" + Html.escape(table.name() == null ? "" : table.name() + ": ") + sizeLine()
                + "</i></p>";
    }

    private Table rows() {
        return table.rowCount() > maxRows ? table.first(maxRows) : table;
    }

    private static String tableHtml(Table t) {
        StringWriter w = new StringWriter();
        t.write().usingOptions(HtmlWriteOptions.builder(w).build());
        return w.toString();
    }

    /**
     * Saves all rows as CSV (header line, RFC 4180 quoting).
     *
     * @param file the .csv file, written atomically
     * @return the file
     */
    public Path saveCsv(Path file) {
        try {
            AtomicFiles.write(
                    file, out -> table.write().csv(CsvWriteOptions.builder(out).build()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * Saves all rows as a standalone HTML page.
     *
     * @param file the .html file, written atomically
     * @return the file
     */
    public Path saveHtml(Path file) {
        String title = Html.escape(table.name() == null ? "table" : table.name());
        AtomicFiles.writeString(
                file,
                "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>\n"
                        + tableHtml(table) + "\n</body></html>\n");
        return file;
    }

    @Override
    public String toString() {
        return rows().printAll() + "\n" + sizeLine();
    }
}
