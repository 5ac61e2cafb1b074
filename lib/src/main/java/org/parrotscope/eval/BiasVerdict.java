package org.parrotscope.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Whether two models differ the way the paper says a text-trained model differs from a text-free one (Sec. 6,
 * Table 3, Fig. 8, Table 10): lower zero-shot accuracy and retrieval, a higher Sync score; and, our addition
 * through Goh et al.'s typographic attack ({@link TypographicProbe}), more often fooled by a written class name.
 * Each difference is judged against its sampling error, so a notebook can state its conclusion from its own
 * numbers instead of from a run typed into its prose.
 *
 * <p>Each model's value gets a 95% confidence interval: Wilson's score interval for accuracies and rates
 * ({@link Interval#wilson}), mean ± 1.96 std/sqrt(n) for the Sync mean ({@link Interval#ofMean}). A difference
 * counts only when the two intervals do not overlap; overlapping intervals are "within noise". That is stricter
 * than a test on the difference (non-overlapping 95% intervals imply about 2.8 standard errors for equal
 * errors), and it treats the two evaluation sets as independent although both models see the same generated
 * items, which overstates the error of the paired difference: the verdict is conservative. The standard error of
 * the difference and its z are reported beside it.
 *
 * @param reference name of the model expected to be less biased (e.g. trained without embedded text)
 * @param text name of the model expected to spot text
 * @param rows one row per measurement, in {@link #toTable()} order
 */
public record BiasVerdict(String reference, String text, List<Row> rows) {

    /** Copies the rows. */
    public BiasVerdict {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(text, "text");
        rows = List.copyOf(rows);
    }

    /**
     * One measurement of both models.
     *
     * @param measure what is compared, e.g. {@code zero-shot top-1}
     * @param paper the direction the paper reports for the text model: +1 higher, -1 lower
     * @param referenceValue the reference model's value
     * @param textValue the text model's value
     * @param stdError standard error of {@code textValue - referenceValue}
     * @param referenceInterval 95% interval of the reference model's value
     * @param textInterval 95% interval of the text model's value
     */
    public record Row(
            String measure,
            int paper,
            double referenceValue,
            double textValue,
            double stdError,
            Interval referenceInterval,
            Interval textInterval) {

        /** Checks the direction. */
        public Row {
            if (paper != 1 && paper != -1) {
                throw new IllegalArgumentException("direction must be +1 or -1, not " + paper);
            }
            java.util.Objects.requireNonNull(referenceInterval, "referenceInterval");
            java.util.Objects.requireNonNull(textInterval, "textInterval");
        }

        /** @return text model minus reference model */
        public double difference() {
            return textValue - referenceValue;
        }

        /** @return the difference in standard errors (infinite for a non-zero difference without error) */
        public double z() {
            double d = difference();
            return stdError > 0 ? d / stdError : d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d);
        }

        /**
         * @return {@code within noise} when the two 95% intervals overlap, else {@code as the paper} or {@code
         *     opposite to the paper} by the sign of the difference
         */
        public String verdict() {
            if (referenceInterval.overlaps(textInterval) || Double.isNaN(difference())) {
                return "within noise";
            }
            return Math.signum(difference()) == paper ? "as the paper" : "opposite to the paper";
        }
    }

    /**
     * Compares the suites both reports ran.
     *
     * @param referenceName the less biased model's name
     * @param referenceReport its evaluation
     * @param textName the text model's name
     * @param textReport its evaluation
     * @return the comparison; a suite missing from either report has no row
     */
    public static BiasVerdict of(
            String referenceName, EvalReport referenceReport, String textName, EvalReport textReport) {
        List<Row> rows = new ArrayList<>();
        ZeroShotResult z0 = referenceReport.zeroShot();
        ZeroShotResult z1 = textReport.zeroShot();
        if (z0 != null && z1 != null) {
            rows.add(rate("zero-shot top-1", -1, z0.top1(), z0.images(), z1.top1(), z1.images()));
        }
        RetrievalResult r0 = referenceReport.retrieval();
        RetrievalResult r1 = textReport.retrieval();
        if (r0 != null && r1 != null) {
            rows.add(rate("image-to-text R@1", -1, r0.i2tR1(), r0.pairs(), r1.i2tR1(), r1.pairs()));
            rows.add(rate("text-to-image R@1", -1, r0.t2iR1(), r0.pairs(), r1.t2iR1(), r1.pairs()));
        }
        SyncResult s0 = referenceReport.sync();
        SyncResult s1 = textReport.sync();
        if (s0 != null && s1 != null) {
            GroupStats a = s0.overall();
            GroupStats b = s1.overall();
            double se = Math.sqrt(a.std() * a.std() / a.count() + b.std() * b.std() / b.count());
            rows.add(new Row(
                    "Sync score",
                    1,
                    a.mean(),
                    b.mean(),
                    se,
                    Interval.ofMean(a.mean(), a.std(), a.count()),
                    Interval.ofMean(b.mean(), b.std(), b.count())));
        }
        TypographicResult t0 = referenceReport.typographic();
        TypographicResult t1 = textReport.typographic();
        if (t0 != null && t1 != null) {
            rows.add(rate(
                    "typographic: true class kept",
                    -1,
                    t0.trueClassAccuracy(),
                    t0.images(),
                    t1.trueClassAccuracy(),
                    t1.images()));
            rows.add(rate(
                    "typographic: written class chosen",
                    1,
                    t0.writtenClassRate(),
                    t0.images(),
                    t1.writtenClassRate(),
                    t1.images()));
        }
        return new BiasVerdict(referenceName, textName, rows);
    }

    private static Row rate(String measure, int paper, double p0, int n0, double p1, int n1) {
        double se = Math.sqrt(p0 * (1 - p0) / n0 + p1 * (1 - p1) / n1);
        return new Row(measure, paper, p0, p1, se, Interval.wilson(p0, n0), Interval.wilson(p1, n1));
    }

    /** @return rows that agree with the paper with non-overlapping intervals */
    public long agreeing() {
        return rows.stream().filter(r -> r.verdict().equals("as the paper")).count();
    }

    /** @return rows that go against the paper with non-overlapping intervals */
    public long opposing() {
        return rows.stream()
                .filter(r -> r.verdict().equals("opposite to the paper"))
                .count();
    }

    /**
     * The comparison as a table.
     *
     * @return a new table: measure, paper (higher/lower for the text model), each model's value and the bounds of
     *     its 95% interval ({@code <name> low}, {@code <name> high}), difference, std_error, z, verdict
     */
    public Table toTable() {
        return Table.create(
                "bias verdict: " + text + " vs " + reference,
                StringColumn.create("measure", rows.stream().map(Row::measure).toList()),
                StringColumn.create(
                        "paper",
                        rows.stream()
                                .map(r -> r.paper() > 0 ? "higher" : "lower")
                                .toList()),
                DoubleColumn.create(
                        reference,
                        rows.stream().mapToDouble(Row::referenceValue).toArray()),
                DoubleColumn.create(
                        reference + " low",
                        rows.stream()
                                .mapToDouble(r -> r.referenceInterval().low())
                                .toArray()),
                DoubleColumn.create(
                        reference + " high",
                        rows.stream()
                                .mapToDouble(r -> r.referenceInterval().high())
                                .toArray()),
                DoubleColumn.create(
                        text, rows.stream().mapToDouble(Row::textValue).toArray()),
                DoubleColumn.create(
                        text + " low",
                        rows.stream().mapToDouble(r -> r.textInterval().low()).toArray()),
                DoubleColumn.create(
                        text + " high",
                        rows.stream().mapToDouble(r -> r.textInterval().high()).toArray()),
                DoubleColumn.create(
                        "difference", rows.stream().mapToDouble(Row::difference).toArray()),
                DoubleColumn.create(
                        "std_error", rows.stream().mapToDouble(Row::stdError).toArray()),
                DoubleColumn.create("z", rows.stream().mapToDouble(Row::z).toArray()),
                StringColumn.create("verdict", rows.stream().map(Row::verdict).toList()));
    }

    /**
     * One line per measurement with both values and their intervals, e.g. {@code typographic: written class chosen:
     * free 0.063 [0.048, 0.081], text 0.064 [0.049, 0.082]: within noise (paper: higher)}.
     *
     * @return the lines, in row order
     */
    public List<String> lines() {
        return rows.stream()
                .map(r -> String.format(
                        Locale.ROOT,
                        "%s: %s %.3f %s, %s %.3f %s: %s (paper: %s)",
                        r.measure(),
                        reference,
                        r.referenceValue(),
                        r.referenceInterval(),
                        text,
                        r.textValue(),
                        r.textInterval(),
                        r.verdict(),
                        r.paper() > 0 ? "higher" : "lower"))
                .toList();
    }

    /** @return one sentence: how many measurements move as the paper says, against it, or within noise */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "%s vs %s: %d of %d measurements differ as the paper reports (95%% intervals apart), %d against"
                        + " it, %d within noise (intervals overlap).",
                text,
                reference,
                agreeing(),
                rows.size(),
                opposing(),
                rows.size() - agreeing() - opposing());
    }
}
