package org.parrotscope.curate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 reading and writing for the one-record-per-line CSV files of this stage (sample keys may be
 * quoted; no field spans lines).
 */
final class KeyCsv {

    private KeyCsv() {}

    /** One parsed line and its 1-based number. */
    record Line(long number, List<String> fields) {}

    /**
     * Reads every non-blank line after the header.
     *
     * @param file the CSV file
     * @param header the expected header fields, checked exactly
     * @return the records
     * @throws IOException naming the file when the header differs or a line has the wrong field count
     */
    static List<Line> read(Path file, List<String> header) throws IOException {
        List<Line> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String h = r.readLine();
            if (h == null || !split(h.strip(), file, 1).equals(header)) {
                throw new IOException(file + ": header must be exactly " + String.join(",", header) + ", found "
                        + (h == null ? "an empty file" : h.strip()));
            }
            String line;
            long no = 1;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = split(line, file, no);
                if (f.size() != header.size()) {
                    throw new IOException(file + ":" + no + ": " + f.size() + " fields, expected " + header.size());
                }
                out.add(new Line(no, f));
            }
        }
        return out;
    }

    static List<String> split(String line, Path file, long no) throws IOException {
        List<String> f = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                f.add(cur.toString());
                cur.setLength(0);
            } else if (ch != '\r') {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new IOException(file + ":" + no + ": unclosed quote");
        }
        f.add(cur.toString());
        return f;
    }

    /**
     * @param s a field
     * @return the field, quoted when it holds a comma, quote or line break
     */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * Parses a number cell; empty means NaN (as in the ablation CSV for images without text).
     *
     * @param cell the cell
     * @param file the file, for the error
     * @param line the line, for the error
     * @param column the column name, for the error
     * @return the value
     * @throws IOException when the cell is not a number
     */
    static double number(String cell, Path file, long line, String column) throws IOException {
        String s = cell.strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IOException(file + ":" + line + ": column " + column + " is not a number: " + s, e);
        }
    }
}
