package org.parrotscope.clip;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;

/**
 * A word-level vocabulary built from training captions, for training without the CLIP BPE files. Words are
 * the lower-cased runs of letters and digits (everything else separates); words seen fewer than
 * {@code minCount} times map to {@code <unk>}. Ids: 0 {@code <pad>}, 1 {@code <unk>}, then the words by
 * descending count (ties alphabetical), then {@code <start_of_text>} and {@code <end_of_text>} last, so the
 * end token has the largest id as CLIP's argmax pooling needs. Saved as {@code vocab.json}:
 * {@code {"type": "word", "context_length": 32, "tokens": ["<pad>", "<unk>", ..., "<end_of_text>"]}}, where
 * {@code context_length} is the context the vocabulary was built for (the model's). Our choice for training
 * without CLIP's BPE on small data, not the paper's (its models use CLIP's BPE).
 */
public final class WordTokenizer implements TextTokenizer {

    /** The file name inside a model folder. */
    public static final String FILE = "vocab.json";

    private final List<String> tokens;
    private final Map<String, Integer> ids = new HashMap<>();
    private final int contextLength;

    /**
     * A tokenizer over a token list.
     *
     * @param tokens the ids' tokens, starting with {@code <pad>, <unk>} and ending with the start and end tokens
     * @param contextLength the context length it is built for, at least 2
     */
    public WordTokenizer(List<String> tokens, int contextLength) {
        if (tokens.size() < 4
                || !tokens.get(0).equals("<pad>")
                || !tokens.get(1).equals("<unk>")
                || !tokens.get(tokens.size() - 2).equals("<start_of_text>")
                || !tokens.get(tokens.size() - 1).equals("<end_of_text>")) {
            throw new IllegalArgumentException(
                    "word vocabulary must start with <pad>, <unk> and end with <start_of_text>, <end_of_text>");
        }
        if (contextLength < 2) {
            throw new IllegalArgumentException("context length must be >= 2, got " + contextLength);
        }
        this.tokens = List.copyOf(tokens);
        for (int i = 0; i < this.tokens.size(); i++) {
            if (ids.put(this.tokens.get(i), i) != null) {
                throw new IllegalArgumentException("word vocabulary repeats token '" + this.tokens.get(i) + "'");
            }
        }
        this.contextLength = contextLength;
    }

    /**
     * Builds a vocabulary from captions.
     *
     * @param captions the training captions
     * @param minCount the minimum count for a word to get its own id
     * @param contextLength the context length of the model it is built for
     * @return the tokenizer
     */
    public static WordTokenizer build(Iterable<String> captions, int minCount, int contextLength) {
        Map<String, Integer> counts = new HashMap<>();
        for (String c : captions) {
            for (String w : words(c)) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<String> tokens = new ArrayList<>(List.of("<pad>", "<unk>"));
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount)
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> tokens.add(e.getKey()));
        tokens.add("<start_of_text>");
        tokens.add("<end_of_text>");
        return new WordTokenizer(tokens, contextLength);
    }

    /**
     * Splits a text into lower-cased words.
     *
     * @param text the text
     * @return its words, in order
     */
    public static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /**
     * Reads {@code vocab.json}.
     *
     * @param file the file
     * @return the tokenizer
     * @throws IOException when the file cannot be read or is not a word vocabulary
     */
    public static WordTokenizer load(Path file) throws IOException {
        try {
            JsonObject o =
                    Json.parse(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            if (!"word".equals(o.get("type").getAsString())) {
                throw new IOException(file + ": not a word vocabulary (type " + o.get("type") + ")");
            }
            List<String> tokens = new ArrayList<>();
            o.getAsJsonArray("tokens").forEach(e -> tokens.add(e.getAsString()));
            return new WordTokenizer(tokens, o.get("context_length").getAsInt());
        } catch (RuntimeException e) {
            throw new IOException(file + ": malformed word vocabulary: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a file is a word vocabulary ({@code "type": "word"}), not a Hugging Face BPE {@code vocab.json}.
     *
     * @param file a {@code vocab.json}
     * @return true for a word vocabulary; false for anything else, unreadable files included
     */
    static boolean isWordVocabulary(Path file) {
        if (!Files.isRegularFile(file) || !file.getFileName().toString().equals(FILE)) {
            return false;
        }
        try {
            var o = Json.parse(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            return o.has("type")
                    && o.get("type").isJsonPrimitive()
                    && "word".equals(o.get("type").getAsString());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public OptionalInt contextLength() {
        return OptionalInt.of(contextLength);
    }

    @Override
    public int vocabSize() {
        return tokens.size();
    }

    /** @return the tokens, index = id */
    public List<String> tokens() {
        return tokens;
    }

    /** Word ids, {@code <unk>} (1) for words outside the vocabulary. */
    @Override
    public int[] encode(String text) {
        return words(text).stream().mapToInt(w -> ids.getOrDefault(w, 1)).toArray();
    }

    @Override
    public int startToken() {
        return tokens.size() - 2;
    }

    @Override
    public int endToken() {
        return tokens.size() - 1;
    }

    @Override
    public String describe() {
        return "word vocabulary (" + (tokens.size() - 4) + " words, context " + contextLength + ")";
    }

    @Override
    public void save(Path modelDir) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("type", "word");
        o.addProperty("context_length", contextLength);
        JsonArray a = new JsonArray();
        tokens.forEach(a::add);
        o.add("tokens", a);
        Files.createDirectories(modelDir);
        AtomicFiles.write(
                modelDir.resolve(FILE), out -> out.write(Json.PRETTY.toJson(o).getBytes(StandardCharsets.UTF_8)));
    }
}
