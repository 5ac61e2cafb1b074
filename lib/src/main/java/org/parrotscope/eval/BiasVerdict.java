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
 * Table 3, Fig. 8, Table 10): lower zero-shot accuracy and retrieval, a higher Sync score, more often fooled by a
 * written class name. Each difference is judged against its sampling error, so a notebook can state its
 * conclusion from its own numbers instead of from a run typed into its prose.
 *
 * <p>Standard errors treat the two models' evaluation sets as independent samples: binomial for accuracies and
 * rates, {@code std / sqrt(n)} for the Sync mean. Both models see the same generated items, so the true error of
 * the difference is smaller (the items are paired); the test is therefore conservative.
 *
 * @param reference name of the model expected to be less biased (e.g. trained without embedded text)
 * @param text name of the model expected to spot text
 * @param rows one row per measurement, in {@link #toTable()} order
 */
public record BiasVerdict(String reference, String text, List<Row> rows) {

    /** How many standard errors a difference must exceed to count as a difference. */
    public static final double Z = 2.0;

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
     */
    public record Row(String measure, int paper, double referenceValue, double textValue, double stdError) {

        /** Checks the direction. */
        public Row {
            if (paper != 1 && paper != -1) {
                throw new IllegalArgumentException("direction must be +1 or -1, not " + paper);
            }
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

        /** @return {@code as the paper}, {@code opposite to the paper} or {@code within noise} */
        public String verdict() {
            double z = z();
            if (Double.isNaN(z) || Math.abs(z) < Z) {
                return "within noise";
            }
            return Math.signum(z) == paper ? "as the paper" : "opposite to the paper";
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
            rows.add(new Row("Sync score", 1, a.mean(), b.mean(), se));
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
        return new Row(measure, paper, p0, p1, se);
    }

    /** @return rows that agree with the paper beyond {@link #Z} standard errors */
    public long agreeing() {
        return rows.stream().filter(r -> r.verdict().equals("as the paper")).count();
    }

    /** @return rows that go against the paper beyond {@link #Z} standard errors */
    public long opposing() {
        return rows.stream()
                .filter(r -> r.verdict().equals("opposite to the paper"))
                .count();
    }

    /**
     * The comparison as a table.
     *
     * @return a new table: measure, paper (higher/lower for the text model), the two models' values, difference,
     *     std_error, z, verdict
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
                        text, rows.stream().mapToDouble(Row::textValue).toArray()),
                DoubleColumn.create(
                        "difference", rows.stream().mapToDouble(Row::difference).toArray()),
                DoubleColumn.create(
                        "std_error", rows.stream().mapToDouble(Row::stdError).toArray()),
                DoubleColumn.create("z", rows.stream().mapToDouble(Row::z).toArray()),
                StringColumn.create("verdict", rows.stream().map(Row::verdict).toList()));
    }

    /** @return one sentence: how many measurements move as the paper says, against it, or within noise */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "%s vs %s: %d of %d measurements differ as the paper reports (beyond %.0f standard errors), %d"
                        + " against it, %d within noise.",
                text,
                reference,
                agreeing(),
                rows.size(),
                Z,
                opposing(),
                rows.size() - agreeing() - opposing());
    }
}
