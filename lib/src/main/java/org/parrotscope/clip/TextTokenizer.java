package org.parrotscope.clip;

/**
 * Turns a text into the fixed-length ids a CLIP text tower reads: start token, the text's tokens, end token
 * (the largest id, where the tower pools), zero padding. {@link ClipTokenizer} is CLIP's BPE; a model trained
 * by ParrotScope with its own word vocabulary brings another implementation ({@code train.WordTokenizer}).
 */
public interface TextTokenizer {

    /**
     * @param text the raw text
     * @param contextLength ids per text (the model's {@code context_length})
     * @return {@code contextLength} ids
     */
    long[] tokenize(String text, int contextLength);
}
