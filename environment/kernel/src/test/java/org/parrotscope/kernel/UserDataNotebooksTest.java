package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every pipeline notebook with {@code DATA=} shards that another tool wrote: Python's {@code tarfile}
 * packs images made here into img2dataset's layout ({@code 000000.tar} with {@code 000000000.jpg/.txt/.json},
 * the {@code .json} holding img2dataset's fields and no {@code truth}), two shards named by a brace range.
 * Each notebook must run without errors, read those samples instead of the generated mini-LAION, and say
 * which ground-truth steps it skipped; then {@code environment/index} must link every report with its
 * headline numbers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserDataNotebooksTest {

    static final int PER_SHARD = 12;
    static final int SHARDS = 2;
    static final String[] WORDS = {"COFFEE", "SALE", "OPEN", "PIZZA", "HOTEL", "BOOKS"};

    /** The img2dataset writer: the fields of its .json (writer.py), sha256 of the image bytes, stats file. */
    static final String PACK = """
            import hashlib, io, json, os, sys, tarfile
            src, out, per_shard = sys.argv[1], sys.argv[2], int(sys.argv[3])
            items = json.load(open(os.path.join(src, "items.json")))
            os.makedirs(out, exist_ok=True)
            def add(tar, name, data):
                info = tarfile.TarInfo(name); info.size = len(data); info.mtime = 0
                tar.addfile(info, io.BytesIO(data))
            for shard in range(0, (len(items) + per_shard - 1) // per_shard):
                with tarfile.open(os.path.join(out, "%06d.tar" % shard), "w") as tar:
                    for i, it in enumerate(items[shard * per_shard:(shard + 1) * per_shard]):
                        key = "%06d%03d" % (shard, i)
                        img = open(os.path.join(src, it["file"]), "rb").read()
                        meta = {"url": "https://example.com/%s.jpg" % key, "caption": it["caption"], "key": key,
                                "status": "success", "error_message": None, "width": it["width"], "height": it["height"],
                                "original_width": it["width"], "original_height": it["height"], "exif": "{}",
                                "sha256": hashlib.sha256(img).hexdigest()}
                        add(tar, key + ".jpg", img)
                        add(tar, key + ".txt", it["caption"].encode("utf-8"))
                        add(tar, key + ".json", json.dumps(meta).encode("utf-8"))
                with open(os.path.join(out, "%06d_stats.json" % shard), "w") as f:
                    json.dump({"count": per_shard, "successes": per_shard, "failed_to_download": 0}, f)
            """;

    @TempDir
    static Path tmp;

    private static Path jupyter;
    private static Path shards;

    @BeforeAll
    static void shardsByAnotherTool() throws Exception {
        jupyter = JupyterSetup.installKernelspec(
                tmp.resolve("jupyter"),
                Map.of("OMP_THREAD_LIMIT", String.valueOf(Runtime.getRuntime().availableProcessors())));
        Path src = Files.createDirectories(tmp.resolve("images"));
        List<String> items = new ArrayList<>();
        for (int i = 0; i < PER_SHARD * SHARDS; i++) {
            // Every other image carries one large printed word; its caption parrots it or describes the colour.
            boolean text = i % 2 == 0;
            String word = WORDS[(i / 2) % WORDS.length];
            BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(text ? Color.WHITE : new Color(40 + 9 * i, 120, 200 - 5 * i));
            g.fillRect(0, 0, 160, 120);
            if (text) {
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
                g.drawString(word, 12, 72);
            } else {
                g.setColor(Color.ORANGE);
                g.fillOval(50, 30, 60, 60);
            }
            g.dispose();
            String file = String.format("img%03d.jpg", i);
            ImageIO.write(img, "jpg", src.resolve(file).toFile());
            String caption = text
                    ? (i % 4 == 0 ? word + " " + word.toLowerCase() + " sign" : "a white sign with black letters")
                    : "an orange ball on a coloured wall";
            items.add(String.format(
                    "{\"file\": \"%s\", \"caption\": \"%s\", \"width\": 160, \"height\": 120}", file, caption));
        }
        Files.writeString(src.resolve("items.json"), "[" + String.join(",", items) + "]");
        shards = tmp.resolve("img2dataset");
        JupyterSetup.Result pack = JupyterSetup.run(
                new ProcessBuilder("/usr/bin/python3", "-c", PACK, src.toString(), shards.toString(), "" + PER_SHARD),
                120);
        assertEquals(0, pack.exitCode(), pack.output());
        assertTrue(Files.isRegularFile(shards.resolve("000001.tar")), "python wrote two shards");
    }

    static Stream<Path> notebooks() throws IOException {
        return PipelineNotebooksTest.notebooks();
    }

    private static Path run() {
        return tmp.resolve("run");
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void notebook_runsOnTheUsersShards(Path notebook) throws Exception {
        String name = notebook.getFileName().toString().replace(".ipynb", "");
        Map<String, String> env = new HashMap<>(PipelineNotebooksTest.SMALL);
        env.put("PARROTSCOPE_RUN_DIR", run().toString());
        env.put("DATA", shards + "/{000000..000001}.tar");
        env.put("ENGINES", "ppocr");
        // 03, 05 and 08 read the OCR of the one engine 02 ran (03 defaults to the library default engine)
        env.put("ENGINE", "ppocr");
        env.put("PARROTSCOPE_HEARTBEAT", "0");
        // 09: these shards have no truth for the oracle of the small sizes
        env.put("EXP_OCR", "ppocr");
        // 04-score-with-clip scores with the tiny OpenCLIP fixture (random weights: only the path is tested).
        env.put(
                "MODEL_DIRS",
                JupyterSetup.root()
                        .resolve("lib/src/test/resources/fixtures/openclip-tiny-gelu")
                        .toString());
        env.put(
                "VOCAB",
                JupyterSetup.root()
                        .resolve("lib/src/main/resources/org/parrotscope/clip/bpe/bpe_simple_vocab_16e6.txt.gz")
                        .toString());
        Path reports = run().resolve("reports");
        JupyterSetup.Result r =
                JupyterSetup.harness(jupyter, tmp, List.of(notebook.toString(), reports.toString()), env);
        assertEquals(0, r.exitCode(), "harness failed:\n" + r.output());
        assertTrue(r.output().contains("[notebook] " + name + ": cell 1 of "), "progress per cell:\n" + r.output());
        String executed = Files.readString(reports.resolve(name + ".ipynb"));
        assertFalse(executed.contains("\"output_type\": \"error\""), name + " has an error output");
        assertFalse(executed.contains("GPU count"), name + " shows DJL's CUDA probe warning");
        Path out = run().resolve(name);
        assertTrue(Files.isRegularFile(out.resolve("headline.json")), name + " wrote headline.json");
        switch (name.substring(0, 2)) {
            case "01" -> {
                JsonObject inspection = JsonParser.parseString(Files.readString(out.resolve("inspection.json")))
                        .getAsJsonObject();
                assertEquals(PER_SHARD * SHARDS, inspection.get("samples").getAsInt(), inspection.toString());
                assertEquals(SHARDS, inspection.get("shards").getAsInt());
                assertFalse(Files.exists(out.resolve("mini-laion/00000.tar")), "nothing generated");
                assertTrue(executed.contains("skipped: Table 1 on the ground truth"), "says Table 1 was skipped");
                assertFalse(Files.exists(out.resolve("table1.csv")));
            }
            case "02" -> {
                assertFalse(Files.exists(out.resolve("oracle")), "no oracle run without ground truth");
                assertTrue(Files.isRegularFile(out.resolve("ppocr/000000.jsonl")), "OCR of the first shard");
                assertTrue(executed.contains("skipped: word precision and recall"));
            }
            case "03" ->
                assertFalse(
                        Files.readString(out.resolve("table1-vs-paper.csv")).contains("ground truth"),
                        "no ground-truth column");
            case "04" ->
                assertEquals(
                        1 + PER_SHARD * SHARDS,
                        Files.readAllLines(out.resolve("scores.csv")).size(),
                        "header + one score per pair");
            case "05" -> {
                String manifest = Files.readString(out.resolve("subsets/I-no-text.json"));
                assertTrue(manifest.contains(shards.resolve("000000.tar").toString()), manifest);
                assertTrue(Files.isDirectory(out.resolve("text-only/final")));
            }
            default -> {}
        }
    }

    @Order(2)
    @Test
    void index_linksEveryReport_withItsHeadline() throws Exception {
        JupyterSetup.Result r = JupyterSetup.run(
                new ProcessBuilder(
                        JupyterSetup.root().resolve("environment/index").toString(), run().toString()),
                60);
        assertEquals(0, r.exitCode(), r.output());
        String index = Files.readString(run().resolve("index.html"));
        for (Path nb : notebooks().toList()) {
            String name = nb.getFileName().toString().replace(".ipynb", "");
            assertTrue(index.contains("href=\"reports/" + name + ".html\""), "links " + name);
        }
        JsonObject head = JsonParser.parseString(
                        Files.readString(run().resolve("01-generate-mini-laion/headline.json")))
                .getAsJsonObject();
        JsonElement samples = head.getAsJsonObject("values").get("valid samples");
        assertEquals(PER_SHARD * SHARDS, samples.getAsInt());
        assertTrue(index.contains("<td>valid samples</td><td class=n>" + PER_SHARD * SHARDS + "</td>"), index);
    }
}
