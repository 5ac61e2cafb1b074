package org.parrotscope.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.parrotscope.clip.TextTokenizer;

/**
 * Turns captions into fixed-length id sequences for the CLIP text tower: a start token, the text's tokens, an
 * end token, zero padding to {@link #contextLength()}. CLIP pools the text features at the end token, found
 * as the argmax of the ids, so every implementation gives the end token the largest id of its vocabulary.
 * Two implementations: the CLIP BPE ({@link BpeTokenizer}) and a word-level vocabulary built from the
 * training captions ({@link WordTokenizer}); {@link Tokenizers#load(Path)} reads either from a model folder.
 */
public interface Tokenizer extends TextTokenizer {

    /**
     * Tokenises one text for a model, whose context length must be this tokenizer's.
     *
     * @throws IllegalArgumentException when {@code contextLength} differs from {@link #contextLength()}
     */
    @Override
    default long[] tokenize(String text, int contextLength) {
        if (contextLength != contextLength()) {
            throw new IllegalArgumentException(
                    "the model's context length " + contextLength + " differs from its tokenizer's " + contextLength());
        }
        return encode(text);
    }

    /** @return the number of ids per text */
    int contextLength();

    /** @return the number of distinct ids (the text tower's {@code vocab_size}) */
    int vocabSize();

    /**
     * Tokenises one text.
     *
     * @param text the text
     * @return {@link #contextLength()} ids
     */
    long[] encode(String text);

    /**
     * Tokenises texts.
     *
     * @param texts the texts
     * @return one row of {@link #contextLength()} ids per text
     */
    default long[][] encode(List<String> texts) {
        long[][] out = new long[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = encode(texts.get(i));
        }
        return out;
    }

    /**
     * Writes the files {@link Tokenizers#load(Path)} needs into a model folder.
     *
     * @param modelDir the model folder
     * @throws IOException when writing fails
     */
    void save(Path modelDir) throws IOException;
}
