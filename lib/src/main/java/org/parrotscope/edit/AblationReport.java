package org.parrotscope.edit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.parrotscope.data.Shard;
import org.parrotscope.util.AtomicFiles;
import tech.tablesaw.api.Table;

/**
 * Table 2 of an ablation run, next to the paper's values: over samples always, and over clusters when a cluster
 * assignment is given (the paper's numbers appear to be the mean and std of per-cluster means, PAPER.md Step 5; we
 * report both, labelled, and never call a per-sample table the paper's aggregation).
 *
 * @param rows the ablation rows the tables are computed from
 * @param overSamples Table 2 over samples, with the paper's columns ({@link Table2#withPaper})
 * @param overClusters Table 2 over clusters with the paper's columns, or null without a cluster assignment
 */
public record AblationReport(List<AblationRow> rows, Table overSamples, Table overClusters) {

    /** The folder under the ablation output that holds the tables (not a per-shard file, so not read as one). */
    public static final String DIR = "table2";

    /** Validates and copies the rows. */
    public AblationReport {
        rows = List.copyOf(rows);
        Objects.requireNonNull(overSamples, "overSamples");
    }

    /**
     * Computes the tables.
     *
     * @param rows ablation rows
     * @param clusters cluster by sample key, or null to aggregate over samples only
     * @return the report
     */
    public static AblationReport of(List<AblationRow> rows, Map<String, String> clusters) {
        return of(rows, clusters, null);
    }

    /**
     * Computes the tables, naming the clustering in the over-clusters table's aggregation column.
     *
     * @param rows ablation rows
     * @param clusters cluster by sample key, or null to aggregate over samples only
     * @param clustering a short name of the clustering (e.g. {@code ours: k-means, k = 25}), or null
     * @return the report
     */
    public static AblationReport of(List<AblationRow> rows, Map<String, String> clusters, String clustering) {
        Table samples = Table2.withPaper(Table2.overSamples(rows));
        Table byCluster = clusters == null ? null : Table2.withPaper(Table2.overClusters(rows, clusters, clustering));
        return new AblationReport(rows, samples, byCluster);
    }

    /**
     * The rows of the given shards' finished outputs (shards not ablated, e.g. without an OCR file, are left out).
     *
     * @param out the ablation output folder
     * @param shards the shards
     * @return their rows, shard by shard in the given order
     * @throws IOException naming the file when one is malformed
     */
    public static List<AblationRow> rowsOf(Path out, List<Shard> shards) throws IOException {
        List<AblationRow> rows = new ArrayList<>();
        for (Shard s : shards) {
            Path f = AblationRun.outputOf(out, s);
            Path parquet = AblationRun.parquetOf(out, s);
            if (Files.isRegularFile(f)) {
                rows.addAll(AblationCsv.read(f));
            } else if (Files.isRegularFile(parquet)) {
                rows.addAll(AblationSchema.read(parquet));
            }
        }
        return rows;
    }

    /** @return the tables: over samples, then over clusters when computed */
    public List<Table> tables() {
        return overClusters == null ? List.of(overSamples) : List.of(overSamples, overClusters);
    }

    /**
     * Writes {@code <out>/table2/over-samples.csv} and, with clusters, {@code over-clusters.csv}, each atomically.
     *
     * @param out the ablation output folder
     * @return the folder written
     * @throws IOException when a file cannot be written
     */
    public Path write(Path out) throws IOException {
        Path dir = Files.createDirectories(out.resolve(DIR));
        writeCsv(dir.resolve("over-samples.csv"), overSamples);
        if (overClusters != null) {
            writeCsv(dir.resolve("over-clusters.csv"), overClusters);
        }
        return dir;
    }

    /** @return the tables as aligned text, each headed by its aggregation */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Table t : tables()) {
            sb.append(t.name()).append('\n');
            sb.append(String.format(
                    Locale.ROOT, "  %-32s %6s %8s %8s   %8s %8s%n", "setup", "n", "mean", "std", "paper", "std"));
            for (int i = 0; i < t.rowCount(); i++) {
                sb.append(String.format(
                        Locale.ROOT,
                        "%s %-32s %6d %8.4f %8.4f   %8.4f %8.4f%n",
                        t.stringColumn("marker").get(i),
                        t.stringColumn("setup").get(i),
                        t.intColumn("n").get(i),
                        t.doubleColumn("mean").get(i),
                        t.doubleColumn("std").get(i),
                        t.doubleColumn("paper_mean").get(i),
                        t.doubleColumn("paper_std").get(i)));
            }
        }
        if (overClusters == null) {
            sb.append("(over samples only: no cluster assignment given; the paper's values appear to be over"
                    + " per-cluster means)\n");
        }
        return sb.toString();
    }

    private static void writeCsv(Path file, Table t) throws IOException {
        AtomicFiles.write(file, o -> {
            Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
            t.write().csv(w);
            w.flush();
        });
    }
}
