package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each branch of {@link Tokenizers#forModel(Path)} on small model folders. BPE ids are OpenCLIP's own tokenizer
 * output (the fixtures' {@code tokens.json}); word ids are computed by hand from the vocabulary written here.
 */
class TokenizersTest {

    /** A model folder: the fixture's configuration (vocab_size 49,408) and the given tokenizer files. */
    private static Path folder(Path dir, String name) throws IOException {
        Path f = Files.createDirectories(dir.resolve(name));
        Files.copy(Fixtures.dir(Fixtures.GELU).resolve("config.json"), f.resolve("config.json"));
        return f;
    }

    private static void assertOpenClipIds(TextTokenizer t) throws Exception {
        ClipTokenizer bpe = assertInstanceOf(ClipTokenizer.class, t);
        assertEquals(0, ClipTokenizerTest.mismatches(bpe, ClipTokenizerTest.cases()));
    }

    @Test
    void folderWithoutTokenizerFiles_usesShippedBpe_withOpenClipIds() throws Exception {
        TextTokenizer t = Tokenizers.forModel(Fixtures.dir(Fixtures.GELU));
        assertTrue(t.describe().contains("shipped"), t.describe());
        assertOpenClipIds(t);
    }

    @Test
    void openClipGz_isReadFromTheFolder(@TempDir Path dir) throws Exception {
        Path f = folder(dir, "gz");
        Files.copy(Fixtures.bpe(), f.resolve(Tokenizers.OPENAI_BPE));
        TextTokenizer t = Tokenizers.forModel(f);
        assertTrue(t.describe().contains(Tokenizers.OPENAI_BPE), t.describe());
        assertOpenClipIds(t);
        // the folder's file is the one read, not the shipped copy: a broken one is an error naming it
        Path broken = folder(dir, "broken");
        Files.writeString(broken.resolve(Tokenizers.OPENAI_BPE), "not gzip");
        var e = assertThrows(IOException.class, () -> Tokenizers.forModel(broken));
        assertTrue(e.getMessage().contains(broken.resolve(Tokenizers.OPENAI_BPE).toString()), e.getMessage());
    }

    @Test
    void huggingFaceFiles_vocabMergesThenTokenizerJson(@TempDir Path dir) throws Exception {
        Path hf = folder(dir, "hf");
        IoFixtures.python(ClipTokenizerTest.PY_TO_HF, "", Fixtures.bpe().toString(), hf.toString());
        TextTokenizer pair = Tokenizers.forModel(hf);
        assertTrue(pair.describe().contains("vocab.json + merges.txt"), pair.describe());
        assertOpenClipIds(pair);

        // tokenizer.json alone: the python script wrote it under fast/
        Path fast = folder(dir, "fast-only");
        Files.copy(hf.resolve("fast/tokenizer.json"), fast.resolve("tokenizer.json"));
        TextTokenizer tj = Tokenizers.forModel(fast);
        assertTrue(tj.describe().contains("tokenizer.json"), tj.describe());
        assertOpenClipIds(tj);

        // precedence: the gz comes before vocab.json + merges.txt, which come before tokenizer.json
        Files.copy(hf.resolve("fast/tokenizer.json"), hf.resolve("tokenizer.json"));
        assertEquals(List.of(hf.resolve("vocab.json"), hf.resolve("merges.txt")), Tokenizers.files(hf));
        Files.copy(Fixtures.bpe(), hf.resolve(Tokenizers.OPENAI_BPE));
        assertEquals(List.of(hf.resolve(Tokenizers.OPENAI_BPE)), Tokenizers.files(hf));
    }

    private static final String WORDS = "{\"type\": \"word\", \"context_length\": 8, \"tokens\": [\"<pad>\", \"<unk>\","
            + " \"red\", \"circle\", \"<start_of_text>\", \"<end_of_text>\"]}";

    private static Path config(Path f, int vocabSize) throws IOException {
        String cfg = Files.readString(Fixtures.dir(Fixtures.GELU).resolve("config.json"))
                .replace("\"vocab_size\": 49408", "\"vocab_size\": " + vocabSize)
                .replace("\"context_length\": 77", "\"context_length\": 8");
        Files.writeString(f.resolve("config.json"), cfg);
        return f;
    }

    @Test
    void wordVocabulary_comesFirst_withHandComputedIds(@TempDir Path dir) throws Exception {
        Path f = config(Files.createDirectories(dir.resolve("word")), 6);
        Files.writeString(f.resolve("vocab.json"), WORDS);
        Files.copy(Fixtures.bpe(), f.resolve(Tokenizers.OPENAI_BPE)); // present but not used
        TextTokenizer t = Tokenizers.forModel(f);
        assertInstanceOf(WordTokenizer.class, t);
        // "A red square, circle!" -> a: <unk> 1, red 2, square: <unk> 1, circle 3; <start_of_text> 4 first,
        // <end_of_text> 5 last, padded with <pad> 0 to the context of 8
        assertArrayEquals(new long[] {4, 1, 2, 1, 3, 5, 0, 0}, t.tokenize("A red square, circle!", 8));
    }

    @Test
    void tokenizerLargerThanTheTextTower_isAnErrorNamingTheFiles(@TempDir Path dir) throws Exception {
        Path f = config(Files.createDirectories(dir.resolve("small")), 5);
        Files.writeString(f.resolve("vocab.json"), WORDS);
        var e = assertThrows(IOException.class, () -> Tokenizers.forModel(f));
        assertTrue(e.getMessage().contains(f.resolve("vocab.json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("vocab_size 5"), e.getMessage());
        assertTrue(e.getMessage().contains(f.resolve("config.json").toString()), e.getMessage());

        // a trained word model whose vocab.json went missing must not silently fall back to the 49,408-id BPE
        Path lost = config(Files.createDirectories(dir.resolve("lost")), 6);
        e = assertThrows(IOException.class, () -> Tokenizers.forModel(lost));
        assertTrue(e.getMessage().contains(lost.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("vocab.json missing"), e.getMessage());
    }

    @Test
    void missingFolderOrVocabulary_isAnErrorNamingIt(@TempDir Path dir) {
        Path none = dir.resolve("no-such-model");
        var e = assertThrows(IOException.class, () -> Tokenizers.forModel(none));
        assertTrue(e.getMessage().contains(none + ": not a model folder"), e.getMessage());
        e = assertThrows(IOException.class, () -> Tokenizers.open(dir));
        assertTrue(e.getMessage().contains(dir + ": holds no tokenizer files"), e.getMessage());
        Path missing = dir.resolve("vocab.json");
        e = assertThrows(IOException.class, () -> Tokenizers.forModel(Fixtures.dir(Fixtures.GELU), missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
