package org.parrotscope.parrot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parrotscope.data.Shard;
import org.parrotscope.ocr.OcrJsonl;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.OcrRun;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The image-level tables of {@code parrotscope bench ocr --truth}: {@link SpottingAccuracy} of each engine's finished
 * OCR run over generated shards (every image, then each hard layout), next to the run's speed.
 */
public final class SpottingBench {

    private SpottingBench() {}

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
        Table t = Table.create(
                "image-level accuracy vs ground truth, with speed",
                StringColumn.create(
                        "engine", rows.stream().map(SpottingAccuracy::engine).toList()),
                StringColumn.create(
                        "layout", rows.stream().map(SpottingAccuracy::layout).toList()),
                LongColumn.create(
                        "images",
                        rows.stream().mapToLong(SpottingAccuracy::images).toArray()),
                DoubleColumn.create(
                        "images_per_second",
                        rows.stream()
                                .mapToDouble(a -> round(imagesPerSecond.getOrDefault(a.engine(), Double.NaN)))
                                .toArray()),
                DoubleColumn.create(
                        "image_text_recall",
                        rows.stream()
                                .mapToDouble(a -> round(a.imageTextRecall()))
                                .toArray()));
        for (Matching m : Matching.values()) {
            t.addColumns(DoubleColumn.create(
                    "parrot_recall_" + m.label(),
                    rows.stream()
                            .mapToDouble(a -> round(a.parrot().get(m).recall()))
                            .toArray()));
        }
        t.addColumns(
                DoubleColumn.create(
                        "word_precision",
                        rows.stream().mapToDouble(a -> round(a.wordPrecision())).toArray()),
                DoubleColumn.create(
                        "word_recall",
                        rows.stream().mapToDouble(a -> round(a.wordRecall())).toArray()));
        return t;
    }

    /** Three decimals, as the other benchmark tables print. */
    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 1000) / 1000.0;
    }
}
