package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordTokenizerTest {

    @Test
    void build_ordersByCountThenAlphabet_endTokenLargest() {
        WordTokenizer t = WordTokenizer.build(List.of("A red Cat.", "a blue cat", "the cat, a dog"), 2, 6);
        // counts: a=3, cat=3, others 1 -> only a and cat kept (minCount 2), ties alphabetical
        assertEquals(List.of("<pad>", "<unk>", "a", "cat", "<start_of_text>", "<end_of_text>"), t.tokens());
        assertArrayEquals(new int[] {2, 1, 3}, t.encode("a red cat"));
        // "a red cat" -> sot, a, unk, cat, eot, pad
        assertArrayEquals(new long[] {4, 2, 1, 3, 5, 0}, t.tokenize("a red cat", 6));
        assertEquals(OptionalInt.of(6), t.contextLength());
    }

    @Test
    void tokenize_truncatesKeepingEndTokenLast() {
        WordTokenizer t = WordTokenizer.build(List.of("x y"), 1, 4);
        assertArrayEquals(new long[] {4, 2, 3, 5}, t.tokenize("x y x y x", 4));
    }

    @Test
    void saveLoad_roundTrips_andTokenizersReadItFromFileOrFolder(@TempDir Path dir) throws Exception {
        WordTokenizer t = WordTokenizer.build(List.of("red circle", "blue square"), 1, 8);
        t.save(dir);
        WordTokenizer back = WordTokenizer.load(dir.resolve(WordTokenizer.FILE));
        assertEquals(t.tokens(), back.tokens());
        assertArrayEquals(t.tokenize("blue circle", 8), back.tokenize("blue circle", 8));
        // a saved word vocabulary given to training (--vocab) is read as such, with its own context length,
        // whether the file or its folder is named
        for (Path given : List.of(dir.resolve(WordTokenizer.FILE), dir)) {
            TextTokenizer shared = Tokenizers.open(given);
            assertInstanceOf(WordTokenizer.class, shared);
            assertEquals(OptionalInt.of(8), shared.contextLength());
            assertArrayEquals(t.tokenize("red square", 8), shared.tokenize("red square", 8));
        }
    }
}
