package org.parrotscope.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.parrotscope.clip.ClipTokenizer;

/**
 * The CLIP byte-level BPE ({@link ClipTokenizer}) behind the {@link Tokenizer} interface; saving copies the
 * vocabulary files into the model folder under their usual names so {@link org.parrotscope.clip.ClipModel#load}
 * and {@link Tokenizers#load} find them.
 */
public final class BpeTokenizer implements Tokenizer {

    private final ClipTokenizer bpe;
    private final List<Path> files;
    private final int contextLength;

    /**
     * Reads a vocabulary.
     *
     * @param vocab OpenCLIP's {@code bpe_simple_vocab_16e6.txt.gz}, a Hugging Face {@code vocab.json}/{@code
     * merges.txt}, or a folder with either
     * @param contextLength ids per text (77 for CLIP)
     * @return the tokenizer
     * @throws IOException when the vocabulary cannot be read
     */
    public static BpeTokenizer open(Path vocab, int contextLength) throws IOException {
        ClipTokenizer t = ClipTokenizer.fromFile(vocab);
        List<Path> files;
        Path dir = Files.isDirectory(vocab) ? vocab : vocab.toAbsolutePath().getParent();
        String name = vocab.getFileName().toString();
        if (Files.isRegularFile(dir.resolve("merges.txt"))
                && (Files.isDirectory(vocab) || name.equals("vocab.json") || name.equals("merges.txt"))) {
            files = List.of(dir.resolve("vocab.json"), dir.resolve("merges.txt"));
        } else if (Files.isDirectory(vocab)) {
            try (var s = Files.list(vocab)) {
                files = List.of(s.filter(p -> p.getFileName().toString().endsWith(".txt.gz"))
                        .sorted()
                        .findFirst()
                        .orElseThrow());
            }
        } else {
            files = List.of(vocab);
        }
        return new BpeTokenizer(t, files, contextLength);
    }

    private BpeTokenizer(ClipTokenizer bpe, List<Path> files, int contextLength) {
        this.bpe = bpe;
        this.files = List.copyOf(files);
        this.contextLength = contextLength;
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    @Override
    public int vocabSize() {
        return bpe.vocabSize();
    }

    @Override
    public long[] encode(String text) {
        return bpe.tokenize(text, contextLength);
    }

    @Override
    public void save(Path modelDir) throws IOException {
        Files.createDirectories(modelDir);
        for (Path f : files) {
            String name = f.getFileName().toString().endsWith(".txt.gz")
                    ? "bpe_simple_vocab_16e6.txt.gz"
                    : f.getFileName().toString();
            Path target = modelDir.resolve(name);
            if (!Files.exists(target) || !Files.isSameFile(f, target)) {
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
