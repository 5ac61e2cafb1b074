package org.parrotscope.edit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The per-sample ablation file, one per shard ({@code <out>/<shard>.csv}), header {@link #HEADER}; empty cells
 * for scores that do not apply. Scores have 6 decimals. Keys holding a comma, quote or line break are quoted as
 * in RFC 4180.
 */
public final class AblationCsv {

    /** The header line; the curation stage reads these columns. */
    public static final String HEADER = "key,shard,has_text,s_raw,s_all,s_co,s_rand_all,s_rand_co,rsa,rsc";

    private static final int COLUMNS = 10;

    private AblationCsv() {}

    /**
     * @param r a row
     * @return its CSV line, without newline
     */
    public static String toLine(AblationRow r) {
        return String.join(
                ",",
                quote(r.key()),
                quote(r.shard()),
                String.valueOf(r.hasText()),
                num(r.sRaw()),
                num(r.sAll()),
                num(r.sCo()),
                num(r.sRandAll()),
                num(r.sRandCo()),
                num(r.rsa()),
                num(r.rsc()));
    }

    /**
     * Parses one data line.
     *
     * @param line a line of the file (not the header)
     * @return the row
     * @throws IllegalArgumentException naming the problem when the line is not a valid row
     */
    public static AblationRow parseLine(String line) {
        List<String> f = split(line);
        if (f.size() != COLUMNS) {
            throw new IllegalArgumentException("expected " + COLUMNS + " fields, found " + f.size());
        }
        if (!f.get(2).equals("true") && !f.get(2).equals("false")) {
            throw new IllegalArgumentException("has_text must be true or false: " + f.get(2));
        }
        return new AblationRow(
                f.get(0),
                f.get(1),
                Boolean.parseBoolean(f.get(2)),
                parse(f.get(3)),
                parse(f.get(4)),
                parse(f.get(5)),
                parse(f.get(6)),
                parse(f.get(7)));
    }

    /**
     * Checks a line of a file: the header or a valid row (the validator of resumed runs).
     *
     * @param line the line
     * @throws IllegalArgumentException when it is neither
     */
    public static void validate(String line) {
        if (!line.equals(HEADER)) {
            parseLine(line);
        }
    }

    /**
     * Writes rows as a file's content.
     *
     * @param rows the rows
     * @return the header and one line per row, newline-terminated
     */
    public static String format(List<AblationRow> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        rows.forEach(r -> sb.append(toLine(r)).append('\n'));
        return sb.toString();
    }

    /**
     * Reads one file.
     *
     * @param file a per-shard CSV
     * @return its rows
     * @throws IOException when it cannot be read, or naming the file and line when it is malformed
     */
    public static List<AblationRow> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ": not an ablation file (the first line must be " + HEADER + ")");
        }
        List<AblationRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            try {
                rows.add(parseLine(lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /**
     * Reads every per-shard file of an output folder, in file-name order.
     *
     * @param dir the {@code ablate} output folder
     * @return all rows
     * @throws IOException when the folder holds no ablation file or one is malformed
     */
    public static List<AblationRow> readDir(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".csv")
                            && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IOException(dir + ": no per-shard ablation CSV files");
        }
        List<AblationRow> rows = new ArrayList<>();
        for (Path f : files) {
            rows.addAll(read(f));
        }
        return rows;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static double parse(String s) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite score: " + s);
        }
        return v;
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        out.add(cur.toString());
        return out;
    }
}
