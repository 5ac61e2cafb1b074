package org.parrotscope.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parrotscope.util.Json;

/**
 * The rows of a folder's captions table, read one at a time: {@code captions.csv} (a header row with
 * {@code image} and {@code caption} columns; other columns become string metadata) or
 * {@code captions.jsonl} (one object per line with {@code image} and {@code caption}; other fields become
 * metadata). A malformed row is recorded as {@code malformed_row} and reading continues.
 */
final class CaptionTable implements Closeable {

    /** One row: the image path as written, its caption (null when absent) and the other columns. */
    record Row(long line, String image, Captions.Text caption, JsonObject metadata) {}

    private final InputStream in;
    private final boolean jsonl;
    private final String source;
    private final SkipLog skips;
    private CsvRecords csv;
    private List<String> header;
    private long line;
    private boolean endReached;

    CaptionTable(Path file, String source, SkipLog skips) throws IOException {
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        this.jsonl = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
        this.source = source;
        this.skips = skips;
        if (!jsonl) {
            csv = new CsvRecords(in);
            CsvRecords.Row h = csv.next();
            header = new ArrayList<>();
            if (h != null) {
                for (byte[] f : h.fields()) {
                    header.add(Captions.clean(new String(f, StandardCharsets.UTF_8))
                            .toLowerCase(Locale.ROOT));
                }
            }
            if (!header.contains("image") || !header.contains("caption")) {
                in.close();
                throw new IOException(
                        file + ": the CSV header must name the columns image and caption, found " + header);
            }
        }
    }

    /** @return the next row, or null at the end */
    Row next() throws IOException {
        while (true) {
            Row r = jsonl ? nextJson() : nextCsv();
            if (r != null || endReached) {
                return r;
            }
        }
    }

    private Row nextCsv() throws IOException {
        CsvRecords.Row rec;
        try {
            rec = csv.next();
        } catch (CsvRecords.MalformedException e) {
            endReached = true;
            skips.add(new Skipped("", source, "malformed_row", e.getMessage()));
            return null;
        }
        if (rec == null) {
            endReached = true;
            return null;
        }
        if (rec.fields().size() != header.size()) {
            skips.add(new Skipped(
                    "",
                    source,
                    "malformed_row",
                    "line " + rec.line() + ": " + rec.fields().size() + " fields, the header has " + header.size()));
            return null;
        }
        String image = null;
        Captions.Text caption = null;
        JsonObject meta = new JsonObject();
        for (int i = 0; i < header.size(); i++) {
            byte[] f = rec.fields().get(i);
            switch (header.get(i)) {
                case "image" -> image = new String(f, StandardCharsets.UTF_8).strip();
                case "caption" -> caption = Captions.decode(f);
                default -> meta.addProperty(header.get(i), new String(f, StandardCharsets.UTF_8));
            }
        }
        return new Row(rec.line(), image, caption, meta);
    }

    private Row nextJson() throws IOException {
        byte[] bytes = readLine();
        if (bytes == null) {
            endReached = true;
            return null;
        }
        long at = line;
        Captions.Text text = Captions.decode(bytes);
        if (text.text().isBlank()) {
            return null;
        }
        JsonObject obj;
        try {
            JsonElement e = Json.parse(text.text());
            if (!e.isJsonObject()) {
                throw new JsonParseException("not a JSON object");
            }
            obj = e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            skips.add(new Skipped("", source, "malformed_row", "line " + at + ": " + e.getMessage()));
            return null;
        }
        String image = stringField(obj.remove("image"));
        JsonElement c = obj.remove("caption");
        String caption = stringField(c);
        // The line was decoded as a whole: the caption is flagged when it holds a replaced byte.
        Captions.Text cap =
                caption == null ? null : new Captions.Text(caption, text.flagged() && caption.indexOf('\uFFFD') >= 0);
        return new Row(at, image, cap, obj);
    }

    private static String stringField(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    private byte[] readLine() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int c;
        boolean any = false;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c == '\n') {
                break;
            }
            buf.write(c);
        }
        if (!any) {
            return null;
        }
        line++;
        return buf.toByteArray();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
