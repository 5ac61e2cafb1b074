package org.parrotscope.clip;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * Turns a text into the fixed-length ids a CLIP text tower reads: start token, the text's tokens, end token, zero
 * padding. The text tower pools at the end token, found as the argmax of the ids, so every implementation gives
 * the end token the largest id of its vocabulary. Two implementations: CLIP's byte-level BPE ({@link
 * ClipTokenizer}) and a word vocabulary built from training captions ({@link WordTokenizer}). {@link
 * Tokenizers#forModel} finds a model folder's tokenizer; {@link #save} writes the files it finds.
 */
public interface TextTokenizer {

    /**
     * The text's token ids, without start and end tokens or padding.
     *
     * @param text the raw text (cleaned by the implementation)
     * @return the ids
     */
    int[] encode(String text);

    /** @return the start-of-text id */
    int startToken();

    /** @return the end-of-text id, the largest of the vocabulary */
    int endToken();

    /** @return the number of ids (the text tower's {@code vocab_size} must be at least this) */
    int vocabSize();

    /**
     * The context length this tokenizer was built for, when it fixes one: a word vocabulary is built for one model
     * and saved with it; CLIP's BPE serves any context length.
     *
     * @return the built-for context length, or empty
     */
    default OptionalInt contextLength() {
        return OptionalInt.empty();
    }

    /**
     * Tokenises one text as OpenCLIP's {@code tokenize} does.
     *
     * @param text the raw text
     * @param contextLength ids per text (the model's {@code context_length}), at least 2
     * @return start token, ids, end token, zero padding; truncated with the end token kept last
     */
    default long[] tokenize(String text, int contextLength) {
        if (contextLength < 2) {
            throw new IllegalArgumentException("context length must be at least 2, not " + contextLength);
        }
        int[] ids = encode(text);
        long[] out = new long[contextLength];
        out[0] = startToken();
        int n = Math.min(ids.length, contextLength - 2);
        for (int i = 0; i < n; i++) {
            out[1 + i] = ids[i];
        }
        out[1 + n] = endToken();
        return out;
    }

    /**
     * Tokenises texts.
     *
     * @param texts the raw texts
     * @param contextLength ids per text
     * @return one row of {@code contextLength} ids per text
     */
    default long[][] tokenize(List<String> texts, int contextLength) {
        long[][] out = new long[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = tokenize(texts.get(i), contextLength);
        }
        return out;
    }

    /**
     * Writes this tokenizer's files into a model folder, under the names {@link Tokenizers#forModel} reads.
     *
     * @param modelDir the model folder (created if absent)
     * @throws IOException when writing fails
     */
    void save(Path modelDir) throws IOException;

    /** @return what this tokenizer is, for messages, e.g. {@code "CLIP BPE (bpe_simple_vocab_16e6.txt.gz)"} */
    String describe();
}
