package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token ids checked against OpenCLIP's own tokenizer output in the fixtures. */
class ClipTokenizerTest {

    /** Fixture entry: the text, OpenCLIP's BPE ids and its padded input ids. */
    record Case(String source, String text, int[] bpeIds, long[] inputIds) {}

    static ClipTokenizer tok;

    @BeforeAll
    static void load() throws Exception {
        tok = ClipTokenizer.fromFile(IoFixtures.bpe());
    }

    static List<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        for (String fixture : List.of("openclip-tiny-gelu", "openclip-tiny-quickgelu")) {
            Path p = IoFixtures.model(fixture).resolve("tokens.json");
            for (JsonElement e : JsonParser.parseString(Files.readString(p)).getAsJsonArray()) {
                var o = e.getAsJsonObject();
                out.add(new Case(
                        fixture,
                        o.get("text").getAsString(),
                        ints(o.getAsJsonArray("bpe_ids")),
                        longs(o.getAsJsonArray("input_ids"))));
            }
        }
        return out;
    }

    static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    static long[] longs(JsonArray a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsLong();
        }
        return out;
    }

    /** Runs all fixture texts through a tokenizer and returns the number of mismatching texts. */
    static int mismatches(ClipTokenizer t, List<Case> cases) {
        int bad = 0;
        for (Case c : cases) {
            boolean ok = java.util.Arrays.equals(c.bpeIds(), t.encode(c.text()))
                    && java.util.Arrays.equals(c.inputIds(), t.tokenize(c.text(), c.inputIds().length));
            if (!ok) {
                bad++;
                System.out.println("token mismatch (" + c.source() + "): " + c.text() + "\n  want "
                        + java.util.Arrays.toString(c.bpeIds()) + "\n  got  "
                        + java.util.Arrays.toString(t.encode(c.text())));
            }
        }
        return bad;
    }

    @Test
    void openClipMerges_giveExactlyOpenClipIdsOnEveryFixtureText() throws Exception {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 304, "fixture texts: " + cases.size());
        int bad = mismatches(tok, cases);
        System.out.println("tokenizer parity: " + bad + " mismatching texts of " + cases.size());
        assertEquals(0, bad);
    }

    @Test
    void batchTokenize_matchesInputsJson() throws Exception {
        var inputs = JsonParser.parseString(
                        Files.readString(IoFixtures.model("openclip-tiny-gelu").resolve("inputs.json")))
                .getAsJsonObject();
        List<String> captions = new ArrayList<>();
        inputs.getAsJsonArray("captions").forEach(e -> captions.add(e.getAsString()));
        long[][] ids = tok.tokenize(captions);
        for (int i = 0; i < ids.length; i++) {
            assertArrayEquals(
                    longs(inputs.getAsJsonArray("input_ids").get(i).getAsJsonArray()), ids[i], captions.get(i));
        }
    }

    @Test
    void vocabulary_hasClipSizeAndSpecialTokens() {
        // fixtures README: 49,408 tokens, <start_of_text> = 49406, <end_of_text> = 49407
        assertEquals(49408, tok.vocabSize());
        assertEquals(49406, tok.startToken());
        assertEquals(49407, tok.endToken());
    }

    @Test
    void shortContext_truncatesKeepingEndTokenLast() throws Exception {
        Case c = cases().get(0); // "a photo of a stop sign": 6 BPE ids
        long[] five = tok.tokenize(c.text(), 5);
        assertArrayEquals(new long[] {49406, c.bpeIds()[0], c.bpeIds()[1], c.bpeIds()[2], 49407}, five);
        assertArrayEquals(new long[] {49406, 49407}, tok.tokenize("", 2));
        assertThrows(IllegalArgumentException.class, () -> tok.tokenize("x", 1));
    }

    @Test
    void decode_invertsEncodeWithWordEndsAsSpaces() {
        // OpenCLIP's decode turns every </w> into a space, so a decoded caption ends with one
        assertEquals("a photo of a stop sign ", tok.decode(tok.encode("A  photo of a STOP sign")));
        // pieces: digits one by one, quotes apart from words
        assertEquals(
                "café & crème brûlée — \" hi 4 2 \" ", tok.decode(tok.encode("Café &amp; crème brûlée — \"Hi 42\"")));
        assertThrows(IllegalArgumentException.class, () -> tok.decode(new int[] {49408}));
    }

    @Test
    void specialTokenNamesInText_becomeSpecialIds() {
        assertArrayEquals(new int[] {49406, 320, 49407}, tok.encode("<start_of_text>a <end_of_text>"));
    }

    /** Python builds the Hugging Face layout from the gz file independently (OpenCLIP's recipe, HF's names). */
    static final String PY_TO_HF = String.join(
            "\n",
            "import gzip, json, sys",
            "bs = list(range(ord('!'), ord('~') + 1)) + list(range(ord('\\xa1'), ord('\\xac') + 1)) + list(range(ord('\\xae'), ord('\\xff') + 1))",
            "cs = bs[:]",
            "n = 0",
            "for b in range(256):",
            "    if b not in bs:",
            "        bs.append(b); cs.append(256 + n); n += 1",
            "units = [chr(c) for c in cs]",
            "merges = gzip.open(sys.argv[1]).read().decode('utf-8').split('\\n')[1:49152 - 256 - 2 + 1]",
            "vocab = units + [u + '</w>' for u in units] + [''.join(m.split()) for m in merges] + ['<|startoftext|>', '<|endoftext|>']",
            "json.dump({v: i for i, v in enumerate(vocab)}, open(sys.argv[2] + '/vocab.json', 'w', encoding='utf-8'), ensure_ascii=False)",
            "open(sys.argv[2] + '/merges.txt', 'w', encoding='utf-8').write('#version: 0.2\\n' + '\\n'.join(merges) + '\\n')",
            "tj = {'model': {'type': 'BPE', 'vocab': {v: i for i, v in enumerate(vocab)}, 'merges': [m.split() for m in merges]}}",
            "import os; os.makedirs(sys.argv[2] + '/fast', exist_ok=True)",
            "json.dump(tj, open(sys.argv[2] + '/fast/tokenizer.json', 'w', encoding='utf-8'), ensure_ascii=False)");

    @Test
    void huggingFaceLayout_givesIdenticalIds(@TempDir Path dir) throws Exception {
        IoFixtures.python(PY_TO_HF, "", IoFixtures.bpe().toString(), dir.toString());
        List<Case> cases = cases();
        for (ClipTokenizer hf : List.of(
                ClipTokenizer.fromFile(dir),
                ClipTokenizer.fromFile(dir.resolve("vocab.json")),
                ClipTokenizer.fromHuggingFace(dir.resolve("vocab.json"), dir.resolve("merges.txt")),
                ClipTokenizer.fromFile(dir.resolve("fast")),
                ClipTokenizer.fromFile(dir.resolve("fast/tokenizer.json")))) {
            assertEquals(49408, hf.vocabSize());
            assertEquals(49406, hf.startToken());
            assertEquals(49407, hf.endToken());
            assertEquals(0, mismatches(hf, cases));
        }
    }

    @Test
    void missingOrBrokenVocabulary_isAClearError(@TempDir Path dir) throws Exception {
        var e = assertThrows(java.io.IOException.class, () -> ClipTokenizer.fromFile(dir));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        Files.writeString(dir.resolve("vocab.json"), "{\"a\": 0}");
        e = assertThrows(java.io.IOException.class, () -> ClipTokenizer.fromFile(dir.resolve("vocab.json")));
        assertTrue(e.getMessage().contains("merges.txt"), e.getMessage());
        Path gz = dir.resolve("bad.txt.gz");
        Files.writeString(gz, "not gzip");
        e = assertThrows(java.io.IOException.class, () -> ClipTokenizer.fromFile(gz));
        assertTrue(e.getMessage().contains(gz.toString()), e.getMessage());
    }
}
