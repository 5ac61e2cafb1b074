package org.parrotscope.clip;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.parrotscope.util.Json;

/**
 * The CLIP byte-level BPE vocabulary: token strings to ids, merge ranks, and the two special tokens. Read
 * from OpenCLIP's merges file or from Hugging Face's {@code vocab.json} + {@code merges.txt}.
 *
 * @param encoder token string (in the byte-to-unicode alphabet, {@code </w>} ending a word) to id
 * @param decoder id to token string
 * @param ranks merge pair {@code "first second"} to its priority (lower merges first)
 * @param startToken the id of the start-of-text token
 * @param endToken the id of the end-of-text token
 */
record BpeVocabulary(
        Map<String, Integer> encoder, String[] decoder, Map<String, Integer> ranks, int startToken, int endToken) {

    /** Merges used by OpenCLIP: lines 1 .. 49152 - 256 - 2 of the file (line 0 is a version comment). */
    static final int OPENCLIP_MERGES = 49152 - 256 - 2;

    /** The 256 byte values mapped to printable characters, in OpenCLIP's {@code bytes_to_unicode} order. */
    static int[][] bytesToUnicode() {
        List<Integer> bs = new ArrayList<>();
        for (int b = '!'; b <= '~'; b++) {
            bs.add(b);
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            bs.add(b);
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            bs.add(b);
        }
        List<Integer> cs = new ArrayList<>(bs);
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (!bs.contains(b)) {
                bs.add(b);
                cs.add(256 + n++);
            }
        }
        int[][] pairs = new int[256][];
        for (int i = 0; i < 256; i++) {
            pairs[i] = new int[] {bs.get(i), cs.get(i)};
        }
        return pairs;
    }

    /**
     * Builds the vocabulary as OpenCLIP's {@code SimpleTokenizer} does: 256 byte tokens, the same with
     * {@code </w>}, one token per merge, then {@code <start_of_text>} (49406) and {@code <end_of_text>} (49407).
     *
     * @param gz the file's name, for messages
     * @param raw the gzipped bytes (closed here)
     */
    static BpeVocabulary fromOpenClipGz(String gz, InputStream raw) throws IOException {
        String text;
        try (InputStream in = new GZIPInputStream(raw)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(gz + ": cannot read the gzipped BPE merges: " + e.getMessage(), e);
        }
        String[] lines = text.split("\n", -1);
        if (lines.length < OPENCLIP_MERGES + 1) {
            throw new IOException(
                    gz + ": has " + (lines.length - 1) + " merge lines, OpenCLIP needs " + OPENCLIP_MERGES);
        }
        List<String> vocab = new ArrayList<>();
        for (int[] p : bytesToUnicode()) {
            vocab.add(Character.toString(p[1]));
        }
        for (int i = 0; i < 256; i++) {
            vocab.add(vocab.get(i) + "</w>");
        }
        List<String> merges = new ArrayList<>();
        for (int i = 1; i <= OPENCLIP_MERGES; i++) {
            String[] ab = lines[i].trim().split(" ");
            if (ab.length != 2) {
                throw new IOException(gz + ": line " + (i + 1) + " is not a merge pair: '" + lines[i] + "'");
            }
            merges.add(ab[0] + " " + ab[1]);
            vocab.add(ab[0] + ab[1]);
        }
        vocab.add("<start_of_text>");
        vocab.add("<end_of_text>");
        Map<String, Integer> encoder = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            encoder.put(vocab.get(i), i);
        }
        return new BpeVocabulary(
                encoder, vocab.toArray(String[]::new), ranks(merges), vocab.size() - 2, vocab.size() - 1);
    }

    /**
     * Reads Hugging Face's layout. The special tokens are {@code <|startoftext|>} / {@code <|endoftext|>} (Hugging
     * Face) or {@code <start_of_text>} / {@code <end_of_text>} (OpenCLIP).
     */
    static BpeVocabulary fromHuggingFace(Path vocabJson, Path mergesTxt) throws IOException {
        JsonObject obj;
        try {
            JsonElement e = Json.parse(Files.readString(vocabJson, StandardCharsets.UTF_8));
            obj = e.getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(vocabJson + ": not a JSON object of token to id: " + e.getMessage(), e);
        }
        Map<String, Integer> encoder = new HashMap<>();
        int max = -1;
        for (var en : obj.entrySet()) {
            int id = en.getValue().getAsInt();
            if (id < 0) {
                throw new IOException(vocabJson + ": negative id for '" + en.getKey() + "'");
            }
            encoder.put(en.getKey(), id);
            max = Math.max(max, id);
        }
        String[] decoder = new String[max + 1];
        encoder.forEach((tok, id) -> decoder[id] = tok);
        List<String> merges = new ArrayList<>();
        List<String> lines = Files.readAllLines(mergesTxt, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || (i == 0 && line.startsWith("#version"))) {
                continue;
            }
            String[] ab = line.split(" ");
            if (ab.length != 2) {
                throw new IOException(mergesTxt + ": line " + (i + 1) + " is not a merge pair: '" + line + "'");
            }
            merges.add(ab[0] + " " + ab[1]);
        }
        int start = special(encoder, vocabJson, "<|startoftext|>", "<start_of_text>");
        int end = special(encoder, vocabJson, "<|endoftext|>", "<end_of_text>");
        return new BpeVocabulary(encoder, decoder, ranks(merges), start, end);
    }

    /**
     * Reads a Hugging Face fast-tokenizer {@code tokenizer.json}: {@code model.vocab} and {@code model.merges} (as
     * {@code "a b"} strings or, in newer files, {@code ["a", "b"]} pairs).
     */
    static BpeVocabulary fromTokenizerJson(Path file) throws IOException {
        JsonObject model;
        try {
            model = Json.parse(Files.readString(file, StandardCharsets.UTF_8))
                    .getAsJsonObject()
                    .getAsJsonObject("model");
            if (model == null || !model.has("vocab") || !model.has("merges")) {
                throw new IllegalStateException("no model.vocab and model.merges");
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a BPE tokenizer.json: " + e.getMessage(), e);
        }
        Map<String, Integer> encoder = new HashMap<>();
        int max = -1;
        for (var en : model.getAsJsonObject("vocab").entrySet()) {
            encoder.put(en.getKey(), en.getValue().getAsInt());
            max = Math.max(max, en.getValue().getAsInt());
        }
        String[] decoder = new String[max + 1];
        encoder.forEach((tok, id) -> decoder[id] = tok);
        List<String> merges = new ArrayList<>();
        for (JsonElement m : model.getAsJsonArray("merges")) {
            if (m.isJsonArray() && m.getAsJsonArray().size() == 2) {
                merges.add(m.getAsJsonArray().get(0).getAsString() + " "
                        + m.getAsJsonArray().get(1).getAsString());
            } else if (m.isJsonPrimitive() && m.getAsString().split(" ").length == 2) {
                merges.add(m.getAsString());
            } else {
                throw new IOException(file + ": merge " + m + " is not a pair");
            }
        }
        int start = special(encoder, file, "<|startoftext|>", "<start_of_text>");
        int end = special(encoder, file, "<|endoftext|>", "<end_of_text>");
        return new BpeVocabulary(encoder, decoder, ranks(merges), start, end);
    }

    private static int special(Map<String, Integer> encoder, Path file, String hf, String openClip) throws IOException {
        Integer id = encoder.containsKey(hf) ? encoder.get(hf) : encoder.get(openClip);
        if (id == null) {
            throw new IOException(file + ": has neither '" + hf + "' nor '" + openClip + "'");
        }
        return id;
    }

    private static Map<String, Integer> ranks(List<String> merges) {
        Map<String, Integer> ranks = new HashMap<>(merges.size() * 2);
        for (int i = 0; i < merges.size(); i++) {
            ranks.put(merges.get(i), i); // a repeated pair keeps its last rank, as Python's dict(zip(...)) does
        }
        return ranks;
    }
}
