package org.parrotscope.eval;

import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Zero-shot classification results: top-1/top-5 accuracy, per-class accuracy and the confusion table.
 *
 * @param classes class names, index = class id
 * @param images number of images
 * @param top1 top-1 accuracy
 * @param top5 top-5 accuracy (= 1 with at most 5 classes)
 * @param perClass per-class top-1 accuracy, NaN for a class without images
 * @param confusion counts, row = true class, column = predicted class
 */
public record ZeroShotResult(
        List<String> classes, int images, double top1, double top5, double[] perClass, int[][] confusion) {

    /** Validates the shapes. */
    public ZeroShotResult {
        classes = List.copyOf(classes);
        if (perClass.length != classes.size() || confusion.length != classes.size()) {
            throw new IllegalArgumentException("per-class results must have one entry per class");
        }
    }

    /**
     * Scores classifier logits.
     *
     * @param classes the class names
     * @param logits (images, classes) scores
     * @param labels the true class per image
     * @return the results
     */
    public static ZeroShotResult of(List<String> classes, float[][] logits, int[] labels) {
        int c = classes.size();
        int[][] confusion = new int[c][c];
        int[] perCount = new int[c];
        int top1 = 0;
        int top5 = 0;
        for (int i = 0; i < logits.length; i++) {
            int truth = labels[i];
            int better = 0;
            int best = 0;
            for (int j = 0; j < c; j++) {
                if (logits[i][j] > logits[i][truth]) {
                    better++;
                }
                if (logits[i][j] > logits[i][best]) {
                    best = j;
                }
            }
            confusion[truth][best]++;
            perCount[truth]++;
            top1 += best == truth ? 1 : 0;
            top5 += better < 5 ? 1 : 0;
        }
        double[] perClass = new double[c];
        for (int k = 0; k < c; k++) {
            perClass[k] = perCount[k] == 0 ? Double.NaN : (double) confusion[k][k] / perCount[k];
        }
        int n = Math.max(1, logits.length);
        return new ZeroShotResult(classes, logits.length, (double) top1 / n, (double) top5 / n, perClass, confusion);
    }

    /** @return one row per class: class, images (of that class), top1 (its accuracy, NaN without images) */
    public Table toTable() {
        int[] counts = new int[classes.size()];
        for (int c = 0; c < counts.length; c++) {
            for (int v : confusion[c]) {
                counts[c] += v;
            }
        }
        return Table.create(
                "zero-shot top-1 per class",
                StringColumn.create("class", classes),
                IntColumn.create("images", counts),
                DoubleColumn.create("top1", perClass.clone()));
    }

    /**
     * Per-class accuracy of several models side by side: a row per class (the first model's classes), a column
     * per model.
     *
     * @param byModel model name to its result over the same classes, in column order
     * @return a new table: class, then one top-1 column per model
     * @throws IllegalArgumentException when the models were evaluated on different classes
     */
    public static Table toTable(Map<String, ZeroShotResult> byModel) {
        List<String> classes = byModel.isEmpty()
                ? List.of()
                : byModel.values().iterator().next().classes();
        Table t = Table.create("zero-shot top-1 per class", StringColumn.create("class", classes));
        byModel.forEach((name, r) -> {
            if (!r.classes().equals(classes)) {
                throw new IllegalArgumentException(name + " was evaluated on other classes: " + r.classes());
            }
            t.addColumns(DoubleColumn.create(name, r.perClass().clone()));
        });
        return t;
    }
}
