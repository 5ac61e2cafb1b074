package org.parrotscope.clip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one rule for which tokenizer a model folder uses, for scoring, embedding, evaluating and training alike. In
 * order: a word vocabulary ({@code vocab.json} with {@code "type": "word"}, written by {@code parrotscope train}),
 * OpenCLIP's {@code bpe_simple_vocab_16e6.txt.gz}, Hugging Face's {@code vocab.json} + {@code merges.txt}, a
 * Hugging Face {@code tokenizer.json}; a folder with none of these uses OpenAI's CLIP BPE shipped with the library
 * ({@link ClipTokenizer#openAi()}), as OpenCLIP does for its ViT models.
 */
public final class Tokenizers {

    /** OpenCLIP's name of OpenAI's merges file, also the name a model folder keeps it under. */
    public static final String OPENAI_BPE = "bpe_simple_vocab_16e6.txt.gz";

    private Tokenizers() {}

    /**
     * The tokenizer a model folder uses. When the folder has a configuration, the tokenizer's ids must fit its text
     * tower, so a trained model whose word vocabulary went missing is an error rather than silently the BPE.
     *
     * @param folder a model folder
     * @return its tokenizer
     * @throws IOException naming the folder or file when it cannot be read or does not fit the model
     */
    public static TextTokenizer forModel(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a model folder");
        }
        List<Path> found = files(folder);
        TextTokenizer t = found.isEmpty() ? ClipTokenizer.openAi() : open(found.get(0));
        Path config = configOrNull(folder);
        if (config != null) {
            int vocab = ClipConfig.read(config).text().vocabSize();
            if (t.vocabSize() > vocab) {
                throw new IOException((found.isEmpty() ? folder + " (no tokenizer file, shipped BPE)" : found.get(0))
                        + ": " + t.describe() + " has more ids than vocab_size " + vocab + " in " + config
                        + (found.isEmpty() ? " (is the model's own vocab.json missing?)" : ""));
            }
        }
        return t;
    }

    /**
     * The tokenizer of a model folder, or a given one instead (the CLI's {@code --vocab}).
     *
     * @param folder a model folder
     * @param vocab a vocabulary file or folder for {@link #open}, or null for {@link #forModel(Path)}
     * @return the tokenizer
     * @throws IOException when it cannot be read
     */
    public static TextTokenizer forModel(Path folder, Path vocab) throws IOException {
        return vocab != null ? open(vocab) : forModel(folder);
    }

    /**
     * A given vocabulary: a folder with tokenizer files (by {@link #forModel(Path)}), a word vocabulary {@code
     * vocab.json}, or any file {@link ClipTokenizer#fromFile} reads.
     *
     * @param vocab the file or folder
     * @return the tokenizer
     * @throws IOException naming the file when it cannot be read
     */
    public static TextTokenizer open(Path vocab) throws IOException {
        if (Files.isDirectory(vocab)) {
            if (files(vocab).isEmpty()) {
                throw new IOException(vocab + ": holds no tokenizer files (vocab.json, " + OPENAI_BPE
                        + ", vocab.json + merges.txt or tokenizer.json)");
            }
            return forModel(vocab);
        }
        return WordTokenizer.isWordVocabulary(vocab) ? WordTokenizer.load(vocab) : ClipTokenizer.fromFile(vocab);
    }

    /**
     * The tokenizer files of a folder, by the rule above; the first one names the tokenizer.
     *
     * @param folder a model folder
     * @return the files, or empty when the folder uses the shipped BPE; a lone {@code vocab.json} that is not a word
     *     vocabulary is returned too, so that reading it reports the missing {@code merges.txt}
     */
    public static List<Path> files(Path folder) {
        Path vocab = folder.resolve("vocab.json");
        Path merges = folder.resolve("merges.txt");
        if (WordTokenizer.isWordVocabulary(vocab) && !Files.exists(merges)) {
            return List.of(vocab);
        }
        Path gz = folder.resolve(OPENAI_BPE);
        if (Files.isRegularFile(gz)) {
            return List.of(gz);
        }
        if (Files.isRegularFile(vocab) && Files.isRegularFile(merges)) {
            return List.of(vocab, merges);
        }
        Path fast = folder.resolve("tokenizer.json");
        if (Files.isRegularFile(fast)) {
            return List.of(fast);
        }
        return Files.isRegularFile(vocab) ? List.of(vocab) : List.of();
    }

    private static Path configOrNull(Path folder) {
        try {
            return ModelFolder.configFile(folder);
        } catch (IOException e) {
            return null; // a folder of tokenizer files only
        }
    }
}
