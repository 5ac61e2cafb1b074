package org.parrotscope.parrot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parrotscope.data.Shard;
import org.parrotscope.ocr.OcrJsonl;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.OcrRun;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The image-level tables of {@code parrotscope bench ocr --truth}: {@link SpottingAccuracy} of each engine's finished
 * OCR run over generated shards (every image, then each hard layout), next to the run's speed.
 */
public final class SpottingBench {

    /** The columns of {@link SpottingAccuracy#toTable} this table shows, in order, after the speed. */
    private static final List<String> ACCURACY_COLUMNS = accuracyColumns();

    private SpottingBench() {}

    private static List<String> accuracyColumns() {
        List<String> names = new ArrayList<>();
        names.add("image_text_recall");
        for (Matching m : Matching.values()) {
            names.add("parrot_recall_" + m.label());
        }
        names.add("word_precision");
        names.add("word_recall");
        return List.copyOf(names);
    }

    /**
     * Scores finished OCR runs against the shards' truth.
     *
     * @param shards generated shards (mini-LAION or {@code synth --hard})
     * @param runs the folder holding one run per engine, {@code runs/<engine>/} ({@code OcrAccuracySuite})
     * @param engines the engines, in row order
     * @return one row per engine over every image, then, when the shards have hard layouts, per engine and layout
     * @throws IOException when a shard or a run's output cannot be read
     */
    public static List<SpottingAccuracy> compare(List<Shard> shards, Path runs, List<String> engines)
            throws IOException {
        TruthImages truth = TruthImages.read(shards);
        Map<String, List<OcrRecord>> byEngine = new LinkedHashMap<>();
        for (String e : engines) {
            List<OcrRecord> records = new ArrayList<>();
            for (Shard s : shards) {
                records.addAll(OcrJsonl.read(OcrRun.outputOf(runs.resolve(e), s)));
            }
            byEngine.put(e, records);
        }
        boolean hard = !truth.layouts().equals(List.of("standard"));
        return SpottingAccuracy.compare(truth, byEngine, hard);
    }

    /**
     * The rows as a table with each engine's speed.
     *
     * @param rows {@link #compare} results
     * @param imagesPerSecond each engine's images per second (NaN when missing)
     * @return a new table (values rounded to three decimals): engine, layout, images, images_per_second,
     *     image_text_recall, parrot_recall_exact,
     *     parrot_recall_normalized, parrot_recall_fuzzy, word_precision, word_recall
     */
    public static Table table(List<SpottingAccuracy> rows, Map<String, Double> imagesPerSecond) {
        // one code path for the accuracy columns: SpottingAccuracy.toTable builds them, this adds speed and rounds
        Table accuracy = SpottingAccuracy.toTable(rows);
        Table t = Table.create(
                "image-level accuracy vs ground truth, with speed",
                accuracy.column("engine").copy(),
                accuracy.column("layout").copy(),
                accuracy.column("images").copy(),
                rounded(
                        "images_per_second",
                        rows.stream()
                                .mapToDouble(a -> imagesPerSecond.getOrDefault(a.engine(), Double.NaN))
                                .toArray()));
        for (String name : ACCURACY_COLUMNS) {
            t.addColumns(rounded(name, accuracy.doubleColumn(name).asDoubleArray()));
        }
        return t;
    }

    private static DoubleColumn rounded(String name, double[] values) {
        return DoubleColumn.create(
                name, Arrays.stream(values).map(SpottingBench::round).toArray());
    }

    /** Three decimals, as the other benchmark tables print. */
    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 1000) / 1000.0;
    }
}
