package org.parrotscope.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parrotscope.clip.ModelFolder;
import org.parrotscope.clip.TextTokenizer;
import org.parrotscope.util.Json;

/** Finds the tokenizer of a model folder. */
public final class Tokenizers {

    private Tokenizers() {}

    /**
     * Loads a model folder's tokenizer: a word vocabulary ({@code vocab.json} with {@code "type": "word"}), else
     * the CLIP BPE ({@code bpe_simple_vocab_16e6.txt.gz} or {@code vocab.json} + {@code merges.txt}).
     *
     * @param modelDir the folder
     * @param contextLength ids per text for a BPE tokenizer (the model's {@code context_length})
     * @return the tokenizer
     * @throws IOException naming the folder when it has no tokenizer
     */
    public static Tokenizer load(Path modelDir, int contextLength) throws IOException {
        Path vocab = modelDir.resolve(WordTokenizer.FILE);
        if (Files.isRegularFile(vocab) && !Files.exists(modelDir.resolve("merges.txt")) && isWordVocabulary(vocab)) {
            return WordTokenizer.load(vocab);
        }
        Path gz = modelDir.resolve("bpe_simple_vocab_16e6.txt.gz");
        if (Files.isRegularFile(gz)) {
            return BpeTokenizer.open(gz, contextLength);
        }
        if (Files.isRegularFile(vocab) && Files.isRegularFile(modelDir.resolve("merges.txt"))) {
            return BpeTokenizer.open(vocab, contextLength);
        }
        throw new IOException(modelDir
                + ": no tokenizer (vocab.json word vocabulary, bpe_simple_vocab_16e6.txt.gz or vocab.json + merges.txt)"
                + "; pass the CLIP BPE vocabulary with --vocab");
    }

    /**
     * Opens a given vocabulary: a word vocabulary ({@code vocab.json} with {@code "type": "word"}, its own context
     * length), a model folder (its tokenizer), or a CLIP BPE file or folder.
     *
     * @param vocab the file or folder
     * @param contextLength ids per text for a BPE tokenizer
     * @return the tokenizer
     * @throws IOException naming the file when it cannot be read
     */
    public static Tokenizer open(Path vocab, int contextLength) throws IOException {
        if (Files.isDirectory(vocab)) {
            return load(vocab, contextLength);
        }
        return isWordVocabulary(vocab) ? WordTokenizer.load(vocab) : BpeTokenizer.open(vocab, contextLength);
    }

    /**
     * The tokenizer to score with a model folder, pretrained or trained here: an explicit vocabulary, else the
     * folder's CLIP BPE files, else its word vocabulary.
     *
     * @param modelDir the folder
     * @param vocab a CLIP BPE vocabulary file or folder overriding the folder's, or null
     * @param contextLength the model's {@code context_length}
     * @return the tokenizer
     * @throws IOException naming the folder when it has no tokenizer
     */
    public static TextTokenizer forModel(Path modelDir, Path vocab, int contextLength) throws IOException {
        if (vocab != null || !ModelFolder.tokenizerFiles(modelDir).isEmpty()) {
            return ModelFolder.tokenizer(modelDir, vocab);
        }
        return load(modelDir, contextLength);
    }

    private static boolean isWordVocabulary(Path vocab) throws IOException {
        try {
            var o = Json.parse(Files.readString(vocab, StandardCharsets.UTF_8)).getAsJsonObject();
            return o.has("type")
                    && o.get("type").isJsonPrimitive()
                    && "word".equals(o.get("type").getAsString());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
