package org.parrotscope.data.synth;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.parrotscope.data.Sample;

/**
 * The mini-LAION generator: deterministic LAION-style image-text samples with ground truth (see
 * {@link SynthConfig} for the options and the paper statistics the defaults reproduce).
 *
 * <p>Sample {@code i} depends only on the seed, the options and {@code i}: its random source is seeded from
 * {@code (seed, i)}, and split into independent streams for the scene, the printed words, their placement, the
 * caption and the URL. So shards are byte-identical for the same seed and options whatever the shard size, and
 * the words, captions and statistics do not change with the image size. Thread-safe.
 */
public final class MiniLaion {

    /** The key under {@code truth} that names a hard sample's layout. */
    public static final String LAYOUT_KEY = "layout";

    private final SynthConfig config;
    private final Vocabulary vocabulary = Vocabulary.builtIn();

    /** One generated sample with its ground truth. */
    public record Generated(Sample sample, Truth truth) {}

    /**
     * @param config the options
     * @throws IllegalStateException when a required font package is missing
     */
    public MiniLaion(SynthConfig config) {
        this.config = config;
        Fonts.all(); // fail now, with the package name, rather than inside a worker thread
    }

    /** @return the options */
    public SynthConfig config() {
        return config;
    }

    /** @return the object class names, in a fixed order */
    public static List<String> classes() {
        return Concepts.CLASSES;
    }

    /** @return the object colour names used in captions and ground truth, in a fixed order */
    public static List<String> colors() {
        return Palette.COLORS.stream().map(Palette.Named::name).toList();
    }

    /** @return every word the generator can print */
    public static List<String> vocabulary() {
        return Vocabulary.builtIn().all();
    }

    /** @return the key of sample {@code index}: nine digits, as img2dataset names samples */
    public static String key(long index) {
        return String.format("%09d", index);
    }

    /**
     * Generates one sample.
     *
     * @param index the sample index, 0-based
     * @return the sample (key, caption, encoded image, img2dataset-like metadata with {@code truth}) and its truth
     */
    public Generated generate(long index) {
        Streams st = new Streams(config.seed(), index);
        Planned p = plan(st);
        int width = p.hard() == null ? config.imageSize() : p.hard().width();
        int height = p.hard() == null ? config.imageSize() : p.hard().height();
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        List<WordBox> words = paint(p, st, img, true);
        Scene scene = p.scene();
        String caption = p.caption();
        Truth truth = new Truth(
                scene.className(),
                scene.color().name(),
                scene.background().kind(),
                p.style().id(),
                words,
                coEmbedded(caption, p.printed()));
        JsonObject truthJson = truth.toJson();
        if (config.hard()) {
            // which hard layout the words are printed in, for per-layout error tables ("none" without text)
            truthJson.addProperty(
                    LAYOUT_KEY, words.isEmpty() ? "none" : p.hard().layout().id());
        }
        byte[] bytes = ImageEncoding.encode(img, config.format(), config.jpegQuality());
        String key = key(index);
        JsonObject meta = new JsonObject();
        meta.addProperty("url", FakeUrls.url(st.url, scene, config.format()));
        meta.addProperty("caption", caption);
        meta.addProperty("key", key);
        meta.addProperty("status", "success");
        meta.addProperty("width", width);
        meta.addProperty("height", height);
        meta.addProperty("original_width", width);
        meta.addProperty("original_height", height);
        meta.addProperty("sha256", sha256(bytes));
        meta.add("truth", truthJson);
        return new Generated(new Sample(key, caption, config.format(), bytes, meta, "mini-laion"), truth);
    }

    /**
     * Renders sample {@code index} without its printed words (and signs): the same scene pixels the generated
     * image has outside the text. Used to check that ground-truth boxes cover rendered text.
     *
     * @param index the sample index
     * @return the text-free RGB image
     */
    public BufferedImage textFreeImage(long index) {
        Streams st = new Streams(config.seed(), index);
        Planned p = plan(st);
        if (p.hard() == null) {
            BufferedImage img = new BufferedImage(config.imageSize(), config.imageSize(), BufferedImage.TYPE_INT_RGB);
            p.scene().paint(st.scene, config.imageSize(), img);
            return img;
        }
        BufferedImage img = new BufferedImage(p.hard().width(), p.hard().height(), BufferedImage.TYPE_INT_RGB);
        paint(p, st, img, false);
        return img;
    }

    /**
     * The hard layout of a generated sample.
     *
     * @param metadata the sample's {@code .json} object
     * @return the layout id ({@code title}, {@code spaced}, ...; {@code none} for a hard image without text), or
     *     null for a standard mini-LAION sample or other data
     */
    public static String layoutOf(JsonObject metadata) {
        if (metadata == null || !metadata.has("truth") || !metadata.get("truth").isJsonObject()) {
            return null;
        }
        JsonObject t = metadata.getAsJsonObject("truth");
        return t.has(LAYOUT_KEY) ? t.get(LAYOUT_KEY).getAsString() : null;
    }

    /**
     * Paints the scene and the sample's words; a hard sample without {@code ink} gets its scene only (the
     * standard generator's text-free image is painted by {@link #textFreeImage} alone).
     */
    private List<WordBox> paint(Planned p, Streams st, BufferedImage img, boolean ink) {
        if (p.hard() == null) {
            p.scene().paint(st.scene, config.imageSize(), img);
            if (p.text() == null) {
                return List.of();
            }
            return new TextPainter(config.imageSize(), config.signRate(), config.textScale())
                    .draw(img, p.text().blocks(), st.place);
        }
        if (p.printed().isEmpty()) {
            p.scene().paint(st.scene, img.getWidth(), img.getHeight(), img);
            return List.of();
        }
        return new HardPainter(p.hard()).draw(img, p.scene(), st.scene, st.place, ink);
    }

    /**
     * The caption and printed words of sample {@code index} without rendering anything: what the Table 1
     * statistics need (used to count shards that a resumed run does not regenerate).
     *
     * @param index the sample index
     * @return the caption and the printed words in reading order
     */
    CaptionAndWords captionAndWords(long index) {
        Planned p = plan(new Streams(config.seed(), index));
        return new CaptionAndWords(p.caption(), p.printed());
    }

    /** A caption with the words printed in its image. */
    record CaptionAndWords(String caption, List<String> printed) {}

    /** Everything decided before pixels: scene attributes, printed words, caption style and caption. */
    private record Planned(
            Scene scene, TextPlan text, HardPlan hard, List<String> printed, Captions.Style style, String caption) {}

    private Planned plan(Streams st) {
        Scene scene = Scene.plan(st.scene);
        if (config.hard()) {
            boolean hasText = st.text.nextDouble() < config.textRate();
            HardPlan hard = HardPlan.draw(st.text, vocabulary, config.imageSize()); // drawn always: fixes the size
            List<String> printed = hasText ? hard.printed() : List.of();
            Captions.Style style = style(st.caption, hasText);
            List<String> spelt = hasText ? HardPlan.retype(st.caption, hard.distinctWords()) : List.of();
            return new Planned(scene, null, hard, printed, style, Captions.write(st.caption, style, scene, spelt));
        }
        boolean hasText = st.text.nextDouble() < config.textRate();
        TextPlan text = hasText ? TextPlan.draw(st.text, vocabulary) : null;
        List<String> printed = text == null ? List.of() : text.words();
        Captions.Style style = style(st.caption, hasText);
        return new Planned(scene, text, null, printed, style, Captions.write(st.caption, style, scene, printed));
    }

    private Captions.Style style(SplittableRandom r, boolean hasText) {
        double u = r.nextDouble();
        if (!hasText) {
            // nothing printed to parrot: web alt-text or a description
            return u < config.altTextRate() ? Captions.Style.ALT_TEXT : Captions.Style.DESCRIPTIVE;
        }
        if (u < config.parrotRate()) {
            return Captions.Style.PARROT;
        }
        if (u < config.parrotRate() + config.mixedRate()) {
            return Captions.Style.MIXED;
        }
        if (u < config.parrotRate() + config.mixedRate() + config.altTextRate()) {
            return Captions.Style.ALT_TEXT;
        }
        return Captions.Style.DESCRIPTIVE;
    }

    /**
     * The Co-Emb. text of Algorithm 1: caption words (Python {@code str.split()}) that equal a printed word,
     * exact and case-sensitive, each once, in caption order.
     */
    static List<String> coEmbedded(String caption, List<String> printed) {
        Set<String> ocr = Set.copyOf(printed);
        Set<String> co = new LinkedHashSet<>();
        for (String w : GroundTruthStats.split(caption)) {
            if (ocr.contains(w)) {
                co.add(w);
            }
        }
        return List.copyOf(co);
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The independent random streams of one sample. */
    private static final class Streams {
        final SplittableRandom scene;
        final SplittableRandom text;
        final SplittableRandom place;
        final SplittableRandom caption;
        final SplittableRandom url;

        Streams(long seed, long index) {
            // two rounds of a 64-bit finaliser: neighbouring (seed, index) pairs give unrelated streams
            SplittableRandom root = new SplittableRandom(mix(mix(seed) + index * 0x9E3779B97F4A7C15L));
            scene = root.split();
            text = root.split();
            place = root.split();
            caption = root.split();
            url = root.split();
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
