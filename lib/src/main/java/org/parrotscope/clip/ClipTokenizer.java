package org.parrotscope.clip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parrotscope.util.AtomicFiles;

/**
 * CLIP's byte-level BPE tokenizer, reproducing OpenCLIP's {@code SimpleTokenizer} id for id: captions are
 * cleaned (HTML unescaped twice, whitespace collapsed, stripped, lower-cased), split by OpenCLIP's regular
 * expression, each piece's UTF-8 bytes mapped to printable characters and merged by rank. Thread-safe.
 *
 * <p>OpenCLIP first runs {@code ftfy.fix_text}; its character-level repairs are reproduced ({@link FtfyFixes}:
 * curly quotes, ligatures, full-width forms, NFC), its mojibake repair ({@code "CafÃ©"}) is not, so ids differ
 * only for captions that were double-encoded upstream.
 */
public final class ClipTokenizer implements TextTokenizer {

    /** OpenAI CLIP's context length. */
    public static final int DEFAULT_CONTEXT = 77;

    /** Python's {@code str.isspace()} characters, used by OpenCLIP's {@code " ".join(text.split())}. */
    private static final String PY_SPACE =
            "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";

    private static final Pattern SPACES = Pattern.compile("[" + PY_SPACE + "]+");

    /** OpenCLIP's pre-tokenisation pattern ({@code regex} module syntax translated; \s as above). */
    private static final Pattern PIECES = Pattern.compile(
            "<start_of_text>|<end_of_text>|'s|'t|'re|'ve|'m|'ll|'d|\\p{L}+|\\p{N}|[^" + PY_SPACE + "\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Bound on cached words, so streaming millions of captions does not grow memory without limit. */
    private static final int CACHE_LIMIT = 200_000;

    /** OpenAI's merges file shipped with the library (MIT, see {@code bpe/LICENSE}), as OpenCLIP ships it. */
    static final String OPENAI_RESOURCE = "bpe/" + Tokenizers.OPENAI_BPE;

    private final BpeVocabulary vocab;
    /** The files read, saved with a model under their usual names; empty for the shipped resource. */
    private final List<Path> files;

    private final String[] byteEncoder = new String[256];
    private final int[] byteDecoder = new int[512];
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private ClipTokenizer(BpeVocabulary vocab, List<Path> files) {
        this.vocab = vocab;
        this.files = List.copyOf(files);
        for (int[] p : BpeVocabulary.bytesToUnicode()) {
            byteEncoder[p[0]] = Character.toString(p[1]);
            byteDecoder[p[1]] = p[0];
        }
    }

    /** Holds the shipped tokenizer, read on first use (about 0.3 s) and shared, since it is immutable. */
    private static final class OpenAi {
        static final ClipTokenizer INSTANCE = read();

        private static ClipTokenizer read() {
            try (InputStream in = ClipTokenizer.class.getResourceAsStream(OPENAI_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(OPENAI_RESOURCE + " missing from the classpath");
                }
                return new ClipTokenizer(BpeVocabulary.fromOpenClipGz(OPENAI_RESOURCE, in), List.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * OpenAI's CLIP BPE from the merges file shipped with the library: the tokenizer of every OpenAI and OpenCLIP
     * ViT model, and of a model folder without tokenizer files ({@link Tokenizers#forModel}).
     *
     * @return the shared tokenizer
     */
    public static ClipTokenizer openAi() {
        return OpenAi.INSTANCE;
    }

    /**
     * Reads a vocabulary: OpenCLIP's {@code bpe_simple_vocab_16e6.txt.gz} (or another {@code .txt.gz} merges file), a
     * Hugging Face {@code vocab.json} or {@code merges.txt} (its sibling is found), a Hugging Face {@code
     * tokenizer.json}, or a model folder holding one of these (found by {@link Tokenizers#files}). Whatever the
     * source, captions are cleaned and split the OpenCLIP way, so ids equal OpenCLIP's.
     *
     * @param path the file or folder
     * @return the tokenizer
     * @throws IOException naming the path when nothing usable is there or a file is malformed
     */
    public static ClipTokenizer fromFile(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            List<Path> found = Tokenizers.files(path);
            if (found.isEmpty() || WordTokenizer.isWordVocabulary(found.get(0))) {
                throw new IOException(path + ": holds no CLIP BPE vocabulary (" + Tokenizers.OPENAI_BPE
                        + ", vocab.json + merges.txt or tokenizer.json)");
            }
            return fromFile(found.get(0));
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + ": no such vocabulary file");
        }
        String name = path.getFileName().toString();
        if (name.equals("tokenizer.json")) {
            return new ClipTokenizer(BpeVocabulary.fromTokenizerJson(path), List.of(path));
        }
        if (name.endsWith(".json")) {
            return fromHuggingFace(path, path.resolveSibling("merges.txt"));
        }
        if (name.equals("merges.txt")) {
            return fromHuggingFace(path.resolveSibling("vocab.json"), path);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return new ClipTokenizer(BpeVocabulary.fromOpenClipGz(path.toString(), in), List.of(path));
        }
    }

    /**
     * Reads Hugging Face's {@code vocab.json} + {@code merges.txt} pair.
     *
     * @param vocabJson token to id
     * @param mergesTxt merges, one pair per line after a {@code #version} line
     * @return the tokenizer
     * @throws IOException naming the file when one is missing or malformed
     */
    public static ClipTokenizer fromHuggingFace(Path vocabJson, Path mergesTxt) throws IOException {
        for (Path p : List.of(vocabJson, mergesTxt)) {
            if (!Files.isRegularFile(p)) {
                throw new IOException(p + ": missing (a Hugging Face CLIP tokenizer needs vocab.json and merges.txt)");
            }
        }
        return new ClipTokenizer(BpeVocabulary.fromHuggingFace(vocabJson, mergesTxt), List.of(vocabJson, mergesTxt));
    }

    /** @return the number of token ids (49,408 for CLIP) */
    @Override
    public int vocabSize() {
        return vocab.decoder().length;
    }

    /** @return the start-of-text id (49,406 for CLIP) */
    @Override
    public int startToken() {
        return vocab.startToken();
    }

    /** @return the end-of-text id (49,407 for CLIP); the text tower pools at its position */
    @Override
    public int endToken() {
        return vocab.endToken();
    }

    /**
     * Writes the vocabulary into a model folder: a merges file as {@code bpe_simple_vocab_16e6.txt.gz} (the shipped
     * one included, so the folder is complete on its own), Hugging Face files under their own names.
     */
    @Override
    public void save(Path modelDir) throws IOException {
        Files.createDirectories(modelDir);
        if (files.isEmpty()) {
            try (InputStream in = ClipTokenizer.class.getResourceAsStream(OPENAI_RESOURCE)) {
                if (in == null) {
                    throw new IOException(OPENAI_RESOURCE + " missing from the classpath");
                }
                AtomicFiles.write(modelDir.resolve(Tokenizers.OPENAI_BPE), out -> in.transferTo(out));
            }
            return;
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            Path target = modelDir.resolve(name.endsWith(".txt.gz") ? Tokenizers.OPENAI_BPE : name);
            if (!Files.exists(target) || !Files.isSameFile(f, target)) {
                AtomicFiles.write(target, out -> Files.copy(f, out));
            }
        }
    }

    @Override
    public String describe() {
        return "CLIP BPE ("
                + (files.isEmpty()
                        ? "OpenAI's, shipped"
                        : String.join(
                                " + ",
                                files.stream()
                                        .map(p -> p.getFileName().toString())
                                        .toList()))
                + ", " + vocabSize() + " ids)";
    }

    /**
     * OpenCLIP's caption cleaning: ftfy's character repairs, HTML unescaped twice, stripped, whitespace runs
     * collapsed to one space, lower-cased.
     *
     * @param text the raw caption
     * @return the cleaned caption
     */
    public static String clean(String text) {
        return cleanAfterFtfy(FtfyFixes.fix(text));
    }

    /** The part of {@link #clean} after ftfy: Python's {@code html.unescape} twice, whitespace, {@code lower()}. */
    static String cleanAfterFtfy(String text) {
        String s = HtmlUnescape.unescape(HtmlUnescape.unescape(text));
        s = SPACES.matcher(s).replaceAll(" ");
        s = stripPythonSpace(s);
        return s.toLowerCase(Locale.ROOT);
    }

    private static String stripPythonSpace(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && s.charAt(b) == ' ') {
            b++;
        }
        while (e > b && s.charAt(e - 1) == ' ') {
            e--;
        }
        return s.substring(b, e);
    }

    /**
     * Encodes a caption without special tokens or padding.
     *
     * @param text the raw caption (cleaned here)
     * @return the BPE ids
     */
    @Override
    public int[] encode(String text) {
        IntList ids = new IntList();
        Matcher m = PIECES.matcher(clean(text));
        while (m.find()) {
            String piece = m.group();
            if (piece.equals("<start_of_text>") || piece.equals("<end_of_text>")) {
                ids.add(piece.equals("<start_of_text>") ? startToken() : endToken());
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (byte b : piece.getBytes(StandardCharsets.UTF_8)) {
                sb.append(byteEncoder[b & 0xff]);
            }
            ids.addAll(bpe(sb.toString()));
        }
        return ids.toArray();
    }

    private int[] bpe(String token) {
        int[] hit = cache.get(token);
        if (hit != null) {
            return hit;
        }
        int[] ids = BpeMerger.merge(token, vocab);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(token, ids);
        return ids;
    }

    /**
     * Tokenizes to the default context of 77.
     *
     * @param text the raw caption
     * @return start token, BPE ids, end token, zero padding; truncated with the end token kept last
     */
    public long[] tokenize(String text) {
        return tokenize(text, DEFAULT_CONTEXT);
    }

    /**
     * Tokenizes a batch to the default context.
     *
     * @param texts the raw captions
     * @return one row per caption, each of length 77
     */
    public long[][] tokenize(List<String> texts) {
        return tokenize(texts, DEFAULT_CONTEXT);
    }

    /**
     * Decodes ids back to text as OpenCLIP does: word ends become spaces, invalid UTF-8 becomes U+FFFD.
     *
     * @param ids token ids (special tokens decode to their names)
     * @return the text
     * @throws IllegalArgumentException for an id outside the vocabulary
     */
    public String decode(int[] ids) {
        StringBuilder chars = new StringBuilder();
        for (int id : ids) {
            if (id < 0 || id >= vocab.decoder().length || vocab.decoder()[id] == null) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + vocabSize());
            }
            chars.append(vocab.decoder()[id]);
        }
        ByteBuffer bytes = ByteBuffer.allocate(chars.length());
        chars.codePoints().forEach(c -> bytes.put((byte) (c < byteDecoder.length ? byteDecoder[c] : '?')));
        bytes.flip();
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(bytes)
                    .toString();
            return s.replace("</w>", " ");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A growable int array. */
    static final class IntList {
        private int[] a = new int[32];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        void addAll(int[] vs) {
            for (int v : vs) {
                add(v);
            }
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
