package org.parrotscope.ocr;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;

/**
 * The OCR output format: one JSON object per sample and line, one file per shard
 * ({@code <out>/<shard name>.jsonl}). Fields, in this order: {@code key}, {@code engine}, {@code width},
 * {@code height}, {@code words} (each {@code text}, {@code confidence}, {@code box} [x0,y0,x1,y1],
 * {@code polygon} [[x,y] x 4] clockwise from the top-left), and {@code error} only when the sample failed.
 * Example:
 * <pre>{"key":"000001","engine":"ppocr","width":256,"height":256,"words":[{"text":"SALE","confidence":0.98,
 * "box":[10.0,20.0,90.0,44.0],"polygon":[[10.0,20.0],[90.0,20.0],[90.0,44.0],[10.0,44.0]]}]}</pre>
 */
public final class OcrJsonl {

    private OcrJsonl() {}

    /**
     * Writes records atomically (temporary file + rename), one line each, in list order.
     *
     * @param file the target file
     * @param records the records
     * @throws IOException when writing fails; the file is then unchanged
     */
    public static void write(Path file, List<OcrRecord> records) throws IOException {
        AtomicFiles.write(file, out -> writeLines(out, records));
    }

    /**
     * Writes records to a stream, one line each, in list order.
     *
     * @param out the stream (flushed, not closed)
     * @param records the records
     * @throws IOException when writing fails
     */
    public static void writeLines(java.io.OutputStream out, List<OcrRecord> records) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (OcrRecord r : records) {
            w.write(toLine(r));
            w.write('\n');
        }
        w.flush();
    }

    /**
     * Reads a file written by {@link #write}. Blank lines are ignored.
     *
     * @param file the JSONL file
     * @return the records in file order
     * @throws IOException when the file cannot be read or a line is not a valid record (the message names
     *     the file and line)
     */
    public static List<OcrRecord> read(Path file) throws IOException {
        List<OcrRecord> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(parseLine(line));
                } catch (IllegalArgumentException
                        | IllegalStateException
                        | JsonParseException
                        | NullPointerException e) {
                    throw new IOException(file + ":" + n + ": not an OCR record: " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    /**
     * Encodes one record as a JSON line (without the newline).
     *
     * @param r the record
     * @return the compact JSON object
     */
    public static String toLine(OcrRecord r) {
        // JsonWriter.value(float) is gson 2.9+; value(Number) prints the same Float.toString digits and is in
        // gson 2.8.5, which upstream IJava puts first on the classpath.
        StringWriter sw = new StringWriter();
        try (JsonWriter w = new JsonWriter(sw)) {
            w.setHtmlSafe(false);
            w.beginObject();
            w.name("key").value(r.key());
            w.name("engine").value(r.engine());
            w.name("width").value(r.width());
            w.name("height").value(r.height());
            w.name("words").beginArray();
            for (SpottedWord word : r.words()) {
                w.beginObject();
                w.name("text").value(word.text());
                w.name("confidence").value(num(word.confidence()));
                Box b = word.box();
                w.name("box")
                        .beginArray()
                        .value(num(b.x0()))
                        .value(num(b.y0()))
                        .value(num(b.x1()))
                        .value(num(b.y1()))
                        .endArray();
                w.name("polygon").beginArray();
                Quad q = word.polygon();
                for (int i = 0; i < 4; i++) {
                    w.beginArray().value(num(q.x(i))).value(num(q.y(i))).endArray();
                }
                w.endArray();
                w.endObject();
            }
            w.endArray();
            if (r.error() != null) {
                w.name("error").value(r.error());
            }
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return sw.toString();
    }

    /**
     * Decodes one JSON line.
     *
     * @param line the JSON object
     * @return the record
     * @throws IllegalArgumentException when a field is missing or invalid
     */
    public static OcrRecord parseLine(String line) {
        JsonElement el = Json.parse(line);
        if (!el.isJsonObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        JsonObject o = el.getAsJsonObject();
        String key = required(o, "key").getAsString();
        String engine = required(o, "engine").getAsString();
        int width = required(o, "width").getAsInt();
        int height = required(o, "height").getAsInt();
        List<SpottedWord> words = new ArrayList<>();
        for (JsonElement we : required(o, "words").getAsJsonArray()) {
            words.add(parseWord(we.getAsJsonObject()));
        }
        JsonElement err = o.get("error");
        String error = err == null || err.isJsonNull() ? null : err.getAsString();
        return new OcrRecord(key, engine, width, height, words, error);
    }

    private static SpottedWord parseWord(JsonObject o) {
        String text = required(o, "text").getAsString();
        float conf = required(o, "confidence").getAsFloat();
        JsonArray b = required(o, "box").getAsJsonArray();
        if (b.size() != 4) {
            throw new IllegalArgumentException("box needs 4 numbers, got " + b.size() + " for '" + text + "'");
        }
        Box box = new Box(
                b.get(0).getAsFloat(),
                b.get(1).getAsFloat(),
                b.get(2).getAsFloat(),
                b.get(3).getAsFloat());
        JsonArray p = required(o, "polygon").getAsJsonArray();
        if (p.size() != 4) {
            throw new IllegalArgumentException("polygon needs 4 points, got " + p.size() + " for '" + text + "'");
        }
        float[] xy = new float[8];
        for (int i = 0; i < 4; i++) {
            JsonArray pt = p.get(i).getAsJsonArray();
            if (pt.size() != 2) {
                throw new IllegalArgumentException("polygon point needs 2 numbers for '" + text + "'");
            }
            xy[2 * i] = pt.get(0).getAsFloat();
            xy[2 * i + 1] = pt.get(1).getAsFloat();
        }
        return new SpottedWord(text, conf, new Quad(xy), box);
    }

    private static JsonElement required(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return e;
    }

    private static Number num(float v) {
        return Float.valueOf(v);
    }
}
