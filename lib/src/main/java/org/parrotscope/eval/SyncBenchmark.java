package org.parrotscope.eval;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parrotscope.clip.ClipMath;
import org.parrotscope.edit.SyncStyle;
import org.parrotscope.edit.TextCanvas;

/**
 * The paper's synthetic "Syn-Emb. text" benchmark (Step 6, {@code sys_benchmark.py}): every n-gram of a
 * caption vocabulary is rendered centred on a blank canvas in each {@link SyncStyle} and scored against
 * its own text (the raw string, no prompt template, as the released dataset returns it). A model that spots
 * text scores these pairs high.
 *
 * <p>The vocabulary (the paper does not state its tokenisation, PAPER.md Q7; ours): {@link NGram#vocabulary} over
 * captions, which lower-cases them ({@code Locale.ROOT}) and splits at every run of characters that are neither
 * Unicode letters nor digits ({@link org.parrotscope.clip.WordTokenizer#words}), so punctuation, apostrophes and
 * hyphens separate words ({@code don't} gives {@code don} and {@code t}, {@code how-to} gives {@code how} and
 * {@code to}) and numbers stay words. Nothing is filtered: no stop words, no minimum length or count. The most
 * frequent n-grams are kept, ties alphabetical. {@link EvalSuite} takes 1-grams of the captions of 2,000 fresh
 * default mini-LAION samples, or of the first 20,000 samples of {@code --data}, as the paper's Sync score uses the
 * caption 1-gram vocabulary. These words differ from the parrot stage's Algorithm-1 tokens (Python {@code
 * str.split()}, case kept, punctuation attached) that {@code co_emb_1gram.csv} counts.
 *
 * @param canvas the renderer
 * @param styles the styles to render (all four in the paper)
 * @param batch images per embedding call
 */
public record SyncBenchmark(TextCanvas canvas, List<SyncStyle> styles, int batch) {

    /** Length buckets in characters, upper bounds inclusive; the last is open. */
    private static final int[] LENGTH_EDGES = {4, 8, 12};

    /** Validates the arguments. */
    public SyncBenchmark {
        styles = List.copyOf(styles);
        if (styles.isEmpty() || batch < 1) {
            throw new IllegalArgumentException("need at least one style and batch >= 1");
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param embedder the model; the canvas side is its input size
     * @param vocabulary the n-grams with their counts (most frequent first is not required)
     * @return the scores, pooled and grouped
     */
    public SyncResult run(Embedder embedder, List<NGram> vocabulary) {
        if (vocabulary.isEmpty()) {
            throw new IllegalArgumentException("the Sync benchmark needs a non-empty vocabulary");
        }
        int side = embedder.imageSize();
        float[][] texts = new float[vocabulary.size()][];
        for (int from = 0; from < vocabulary.size(); from += batch) {
            List<String> chunk = vocabulary.subList(from, Math.min(vocabulary.size(), from + batch)).stream()
                    .map(NGram::text)
                    .toList();
            float[][] e = embedder.embedTexts(chunk);
            System.arraycopy(e, 0, texts, from, e.length);
        }
        String[] freq = frequencyBuckets(vocabulary);
        List<Double> all = new ArrayList<>();
        Map<String, List<Double>> byStyle = new LinkedHashMap<>();
        Map<String, List<Double>> byFreq = new LinkedHashMap<>();
        Map<String, List<Double>> byLength = new LinkedHashMap<>();
        for (String f : distinct(freq)) {
            byFreq.put(f, new ArrayList<>());
        }
        for (int k = 0; k <= LENGTH_EDGES.length; k++) {
            byLength.put(lengthLabel(k), new ArrayList<>());
        }
        for (SyncStyle style : styles) {
            List<Double> scores = byStyle.computeIfAbsent(style.label(), k -> new ArrayList<>());
            for (int from = 0; from < vocabulary.size(); from += batch) {
                int to = Math.min(vocabulary.size(), from + batch);
                List<BufferedImage> imgs = new ArrayList<>();
                for (NGram g : vocabulary.subList(from, to)) {
                    imgs.add(canvas.render(g.text(), style, side));
                }
                float[][] e = embedder.embedImages(imgs);
                for (int i = from; i < to; i++) {
                    double s = ClipMath.cosineOf(e[i - from], texts[i]);
                    all.add(s);
                    scores.add(s);
                    byFreq.get(freq[i]).add(s);
                    byLength.get(lengthLabel(
                                    lengthBucket(vocabulary.get(i).text().length())))
                            .add(s);
                }
            }
        }
        byLength.values().removeIf(List::isEmpty);
        return new SyncResult(GroupStats.of(all), summarise(byStyle), summarise(byFreq), summarise(byLength), all);
    }

    /**
     * Frequency terciles by rank: the most frequent third is "high", then "mid" and "low"; labels carry the
     * count range, e.g. {@code high (120-900)}.
     *
     * @param vocabulary the n-grams
     * @return one bucket label per n-gram, same order
     */
    static String[] frequencyBuckets(List<NGram> vocabulary) {
        int n = vocabulary.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order,
                (a, b) -> Long.compare(
                        vocabulary.get(b).count(), vocabulary.get(a).count()));
        String[] names = {"high", "mid", "low"};
        String[] out = new String[n];
        for (int t = 0; t < 3; t++) {
            int from = t * n / 3;
            int to = (t + 1) * n / 3;
            if (from == to) {
                continue;
            }
            String label = names[t] + " (" + vocabulary.get(order[to - 1]).count() + "-"
                    + vocabulary.get(order[from]).count() + ")";
            for (int r = from; r < to; r++) {
                out[order[r]] = label;
            }
        }
        return out;
    }

    private static List<String> distinct(String[] labels) {
        return java.util.Arrays.stream(labels).distinct().toList();
    }

    private static int lengthBucket(int chars) {
        for (int k = 0; k < LENGTH_EDGES.length; k++) {
            if (chars <= LENGTH_EDGES[k]) {
                return k;
            }
        }
        return LENGTH_EDGES.length;
    }

    private static String lengthLabel(int k) {
        int lo = k == 0 ? 1 : LENGTH_EDGES[k - 1] + 1;
        return k == LENGTH_EDGES.length ? lo + "+ chars" : lo + "-" + LENGTH_EDGES[k] + " chars";
    }

    private static Map<String, GroupStats> summarise(Map<String, List<Double>> groups) {
        Map<String, GroupStats> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, GroupStats.of(v)));
        return out;
    }
}
