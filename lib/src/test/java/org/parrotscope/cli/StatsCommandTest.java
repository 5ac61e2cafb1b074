package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.ocr.Box;
import org.parrotscope.ocr.OcrJsonl;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.SpottedWord;
import picocli.CommandLine;

/** The stats command on a real image-folder shard and a real OCR JSONL file, with hand-computed Table 1. */
class StatsCommandTest {

    @TempDir
    Path tmp;

    private Path shard() throws Exception {
        Path dir = tmp.resolve("shard0");
        Files.createDirectories(dir);
        String[][] rows = {
            {"a", "Buy the best coffee"},
            {"b", "a photo of a dog"},
            {"c", "Sale today"},
            {"d", "missing ocr"},
            {"e", "broken"}
        };
        StringBuilder jsonl = new StringBuilder();
        for (String[] r : rows) {
            ImageIO.write(
                    new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB),
                    "png",
                    dir.resolve(r[0] + ".png").toFile());
            JsonObject o = new JsonObject();
            o.addProperty("image", r[0] + ".png");
            o.addProperty("caption", r[1]);
            jsonl.append(o).append('\n');
        }
        Files.writeString(dir.resolve("captions.jsonl"), jsonl, StandardCharsets.UTF_8);
        return dir;
    }

    private static SpottedWord w(String t) {
        return SpottedWord.ofBox(t, 1f, new Box(0, 0, 10, 5));
    }

    private Path ocr() throws Exception {
        Path dir = tmp.resolve("ocr");
        OcrJsonl.write(
                dir.resolve("shard0.jsonl"),
                List.of(
                        OcrRecord.ok("a", "oracle", 20, 10, List.of(w("BEST"), w("coffee"))),
                        OcrRecord.ok("b", "oracle", 20, 10, List.of()),
                        OcrRecord.ok("c", "oracle", 20, 10, List.of(w("SALE"))),
                        OcrRecord.failed("e", "oracle", 0, 0, "corrupt_image: bad header"),
                        OcrRecord.ok("zzz", "oracle", 20, 10, List.of(w("orphan")))));
        return dir;
    }

    @Test
    void stats_json_printsTable1ForThreeMatchings_andCountsLeftOutRecords() throws Exception {
        Path shard = shard();
        Path ocr = ocr();
        Path out = tmp.resolve("out");
        StringWriter so = new StringWriter();
        StringWriter se = new StringWriter();
        CommandLine cl = ParrotScope.commandLine();
        cl.setOut(new PrintWriter(so));
        cl.setErr(new PrintWriter(se));
        int rc = cl.execute(
                "stats", ocr.toString(), "--shards", shard.toString(), "--out", out.toString(), "--json", "--top", "5");
        assertEquals(0, rc, se.toString());
        JsonObject j = JsonParser.parseString(so.toString().trim()).getAsJsonObject();
        // joined: a (exact 1/4, normalised 2/4), b (no text), c (exact 0, normalised 1/2)
        assertEquals(3, j.get("images").getAsLong());
        assertEquals(2, j.get("images_with_text").getAsLong());
        assertEquals(1, j.get("images_with_co_emb_text").getAsLong());
        assertEquals(0.25 / 3, j.get("co_emb_rate_total").getAsDouble(), 1e-12);
        assertEquals(0.25 / 2, j.get("co_emb_rate_text_images").getAsDouble(), 1e-12);
        assertEquals(2, j.get("normalized_images_with_co_emb_text").getAsLong());
        assertEquals((0.5 + 0.5) / 3, j.get("normalized_co_emb_rate_total").getAsDouble(), 1e-12);
        assertEquals((0.5 + 0.5) / 2, j.get("fuzzy_co_emb_rate_text_images").getAsDouble(), 1e-12);

        JsonObject join = JsonParser.parseString(Files.readString(out.resolve("summary.json")))
                .getAsJsonObject()
                .getAsJsonObject("join");
        assertEquals(5, join.get("samples").getAsLong());
        assertEquals(1, join.get("missing_ocr").getAsLong());
        assertEquals(1, join.get("ocr_errors").getAsLong());
        assertEquals(
                1,
                join.getAsJsonObject("ocr_errors_by_reason")
                        .get("corrupt_image")
                        .getAsLong());
        assertEquals(1, join.get("orphan_ocr").getAsLong());
        assertTrue(se.toString().contains("missing OCR 1"), se.toString());
        for (String f : List.of(
                "table1",
                "split",
                "cotr_histogram",
                "length_vs_co_exact",
                "word_area_parrot_rate",
                "co_area_histogram",
                "caption_1gram",
                "caption_2gram",
                "co_emb_1gram",
                "images",
                "words")) {
            assertTrue(Files.isRegularFile(out.resolve(f + ".csv")), f);
        }
        List<String> table1 = Files.readAllLines(out.resolve("table1.csv"));
        assertEquals("statistic,exact,normalized,fuzzy", table1.get(0));
        assertEquals(4, Files.readAllLines(out.resolve("images.csv")).size()); // header + 3 images
    }

    @Test
    void stats_withoutOcrFile_countsEverySampleMissing() throws Exception {
        Path shard = shard();
        Path ocr = Files.createDirectories(tmp.resolve("empty"));
        StringWriter so = new StringWriter();
        StringWriter se = new StringWriter();
        CommandLine cl = ParrotScope.commandLine();
        cl.setOut(new PrintWriter(so));
        cl.setErr(new PrintWriter(se));
        int rc = cl.execute(
                "stats",
                ocr.toString(),
                "--shards",
                shard.toString(),
                "--out",
                tmp.resolve("o").toString());
        assertEquals(0, rc, se.toString());
        assertTrue(so.toString().contains("Num. of Total Img."), so.toString());
        assertTrue(se.toString().contains("missing OCR 5"), se.toString());
        assertTrue(se.toString().contains("shards without OCR file [shard0]"), se.toString());
    }
}
