package org.parrotscope.parrot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.MessageTypeParser;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.ocr.OcrJsonl;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.SpottedWord;
import org.parrotscope.util.ParquetTable;

/**
 * The Parquet schema of the per-sample output: one row per sample the shard reader delivered, with its OCR
 * result and, when the OCR succeeded, the values behind every parrot statistic ({@link ImageStats}) under each
 * matching. Columns ending in {@code _<matching>} exist for {@code exact}, {@code normalized} and {@code fuzzy}.
 * Sizes and area ratios of images whose size is unknown are NaN, as in the single-machine tables. Written by
 * {@code spark ocr}, {@code spark parquet} and {@code ocr --format parquet}.
 */
public final class SampleSchema {

    /** The table: name {@code sample}, schema version 1 (the columns of {@code spark ocr} since it landed). */
    public static final ParquetTable TABLE =
            new ParquetTable("sample", "1", MessageTypeParser.parseMessageType(text()));

    private SampleSchema() {}

    private static String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("message parrotscope_sample {\n")
                .append("  required binary key (STRING);\n")
                .append("  required binary shard (STRING);\n")
                .append("  required binary caption (STRING);\n")
                .append("  optional binary url (STRING);\n")
                .append("  required binary engine (STRING);\n")
                .append("  required int32 width;\n")
                .append("  required int32 height;\n")
                .append("  optional binary error (STRING);\n")
                .append("  optional boolean has_text;\n")
                .append("  optional int32 spotted_words;\n")
                .append("  optional int32 ocr_words;\n")
                .append("  optional double text_area_ratio;\n")
                .append("  optional group words (LIST) {\n")
                .append("    repeated group list {\n")
                .append("      required group element {\n")
                .append("        required binary text (STRING);\n")
                .append("        required float confidence;\n")
                .append("        required float x0;\n")
                .append("        required float y0;\n")
                .append("        required float x1;\n")
                .append("        required float y1;\n")
                .append("        required group polygon (LIST) { repeated group list { required float element; } }\n")
                .append("        required double area_ratio;\n");
        for (Matching m : Matching.values()) {
            sb.append("        required boolean in_caption_").append(m.label()).append(";\n");
        }
        sb.append("      }\n    }\n  }\n");
        for (Matching m : Matching.values()) {
            String s = m.label();
            sb.append(String.format(
                    Locale.ROOT,
                    "  optional int32 caption_words_%1$s;%n"
                            + "  optional group co_words_%1$s (LIST) { repeated group list { required binary element"
                            + " (STRING); } }%n"
                            + "  optional double cotr_%1$s;%n"
                            + "  optional binary category_%1$s (STRING);%n"
                            + "  optional double co_area_ratio_%1$s;%n",
                    s));
        }
        return sb.append("}\n").toString();
    }

    /**
     * One row.
     *
     * @param factory the group factory of {@link #TABLE}
     * @param shard the shard name
     * @param sample the sample as read from the shard
     * @param ocr its OCR record
     * @param stats its statistics values, null when the OCR failed
     * @return the row
     */
    public static Group row(SimpleGroupFactory factory, String shard, Sample sample, OcrRecord ocr, ImageStats stats) {
        Group g = factory.newGroup();
        g.add("key", sample.key());
        g.add("shard", shard);
        g.add("caption", sample.caption() == null ? "" : sample.caption());
        if (sample.metadata().has("url") && sample.metadata().get("url").isJsonPrimitive()) {
            g.add("url", sample.metadata().get("url").getAsString());
        }
        g.add("engine", ocr.engine());
        g.add("width", ocr.width());
        g.add("height", ocr.height());
        if (ocr.failed()) {
            g.add("error", ocr.error());
            return g;
        }
        g.add("has_text", stats.hasText());
        g.add("spotted_words", stats.spottedWords());
        g.add("ocr_words", stats.matching(Matching.EXACT).coEmb().ocrWords().size());
        g.add("text_area_ratio", stats.textAreaRatio());
        Group words = g.addGroup("words");
        for (int i = 0; i < ocr.words().size(); i++) {
            SpottedWord w = ocr.words().get(i);
            ImageStats.WordStats ws = stats.words().get(i);
            Group e = words.addGroup("list").addGroup("element");
            e.add("text", w.text());
            e.add("confidence", w.confidence());
            e.add("x0", w.box().x0());
            e.add("y0", w.box().y0());
            e.add("x1", w.box().x1());
            e.add("y1", w.box().y1());
            Group poly = e.addGroup("polygon");
            for (float v : w.polygon().xy()) {
                poly.addGroup("list").add("element", v);
            }
            e.add("area_ratio", ws.areaRatio());
            for (Matching m : Matching.values()) {
                e.add("in_caption_" + m.label(), ws.inCaption().get(m));
            }
        }
        for (Matching m : Matching.values()) {
            ImageStats.PerMatching p = stats.matching(m);
            String s = m.label();
            g.add("caption_words_" + s, p.coEmb().captionWords().size());
            Group co = g.addGroup("co_words_" + s);
            for (String w : p.coEmb().coWords()) {
                co.addGroup("list").add("element", w);
            }
            g.add("cotr_" + s, p.coEmb().cotr());
            g.add("category_" + s, p.category());
            g.add("co_area_ratio_" + s, p.coAreaRatio());
        }
        return g;
    }

    /**
     * Joins a shard's samples with its OCR file into rows, in shard order; a sample without a record gets a row
     * with a {@code missing_ocr} error.
     *
     * @param shard the shard
     * @param jsonl its OCR file ({@link OcrJsonl})
     * @param engine the engine named in rows of samples without a record
     * @return the rows, with the count of failed OCR rows and of entries the reader dropped
     * @throws IOException when the shard or the OCR file cannot be read
     */
    public static ParquetTable.Rows rows(Shard shard, Path jsonl, String engine) throws IOException {
        Map<String, OcrRecord> byKey = new HashMap<>();
        for (OcrRecord r : OcrJsonl.read(jsonl)) {
            byKey.put(r.key(), r);
        }
        long failed = 0;
        List<Group> rows = new ArrayList<>();
        SimpleGroupFactory f = TABLE.factory();
        CoEmbMatcher matcher = CoEmbMatcher.defaults();
        SkipLog skips = new SkipLog();
        try (SampleStream samples = shard.open(skips)) {
            for (Sample s : samples) {
                OcrRecord r = byKey.get(s.key());
                if (r == null) {
                    r = OcrRecord.failed(s.key(), engine, 0, 0, "missing_ocr: no OCR record for this sample");
                }
                ImageStats st = r.failed()
                        ? null
                        : ImageStats.of(new ImageText(s.key(), s.caption(), r.width(), r.height(), r.words()), matcher);
                failed += r.failed() ? 1 : 0;
                rows.add(row(f, shard.name(), s, r, st));
            }
        }
        long dropped = skips.countsByReason().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        return new ParquetTable.Rows(rows, failed, dropped);
    }

    /**
     * The OCR record a row was made from (the inverse of {@link #row}): key, engine, size, the spotted words with
     * their confidence, box and polygon, or the error. Lets a {@code spark ocr} output feed the ablation.
     *
     * @param g a row of {@link #TABLE}
     * @return its OCR record
     */
    public static OcrRecord ocrRecord(Group g) {
        String key = g.getString("key", 0);
        String engine = g.getString("engine", 0);
        int width = g.getInteger("width", 0);
        int height = g.getInteger("height", 0);
        if (g.getFieldRepetitionCount("error") > 0) {
            return OcrRecord.failed(key, engine, width, height, g.getString("error", 0));
        }
        List<SpottedWord> words = new ArrayList<>();
        if (g.getFieldRepetitionCount("words") > 0) {
            Group list = g.getGroup("words", 0);
            for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
                Group e = list.getGroup("list", i).getGroup("element", 0);
                Group poly = e.getGroup("polygon", 0);
                float[] xy = new float[poly.getFieldRepetitionCount("list")];
                for (int j = 0; j < xy.length; j++) {
                    xy[j] = poly.getGroup("list", j).getFloat("element", 0);
                }
                words.add(new SpottedWord(
                        e.getString("text", 0),
                        e.getFloat("confidence", 0),
                        new org.parrotscope.ocr.Quad(xy),
                        new org.parrotscope.ocr.Box(
                                e.getFloat("x0", 0), e.getFloat("y0", 0), e.getFloat("x1", 0), e.getFloat("y1", 0))));
            }
        }
        return OcrRecord.ok(key, engine, width, height, words);
    }
}
