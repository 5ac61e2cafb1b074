package org.parrotscope.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parrotscope.util.Json;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The training log {@code metrics.jsonl}: one JSON object per line, {@code {"step": 12, "loss": ..., "lr": ...,
 * "logit_scale": ..., "samples_per_s": ...}} per optimizer step and {@code {"step": 100, "eval": {...}}} for
 * evaluations. On resume, lines of steps at or after the resumed step are dropped first, so the log reads as
 * one uninterrupted run.
 */
public final class MetricsLog {

    /** The file name inside the output folder. */
    public static final String FILE = "metrics.jsonl";

    private final Path file;

    /**
     * Opens the log, truncating entries from {@code fromStep} on.
     *
     * @param outDir the training output folder
     * @param fromStep the first step this run will log
     */
    public MetricsLog(Path outDir, int fromStep) {
        this.file = outDir.resolve(FILE);
        try {
            Files.createDirectories(outDir);
            List<String> keep = new ArrayList<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    try {
                        if (!line.isBlank()
                                && org.parrotscope.util.Json.parse(line)
                                                .getAsJsonObject()
                                                .get("step")
                                                .getAsInt()
                                        < fromStep) {
                            keep.add(line);
                        }
                    } catch (RuntimeException e) {
                        // a torn last line of a killed run is dropped
                    }
                }
            }
            org.parrotscope.util.AtomicFiles.writeString(file, keep.isEmpty() ? "" : String.join("\n", keep) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open training log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends one entry.
     *
     * @param entry the object, with a {@code step}
     */
    public synchronized void append(JsonObject entry) {
        try {
            Files.writeString(
                    file,
                    Json.COMPACT.toJson(entry) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.CREATE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the log file */
    public Path file() {
        return file;
    }

    /**
     * Reads a training log back, e.g. to plot the loss curve: every entry in file order, step entries and
     * {@code {"step", "eval"}} entries alike. Blank lines are ignored and a torn last line (a run killed while
     * writing) is dropped, as the constructor does on resume; any other unreadable line is an error.
     *
     * @param file a {@code metrics.jsonl}
     * @return the entries, each with an integer {@code step}
     * @throws IOException naming the file (and line) when it is missing or malformed
     */
    public static List<JsonObject> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no training log (expected the " + FILE + " of a training output folder)");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonObject e = org.parrotscope.util.Json.parse(lines.get(i)).getAsJsonObject();
                e.get("step").getAsInt();
                out.add(e);
            } catch (RuntimeException e) {
                if (i < lines.size() - 1) {
                    throw new IOException(
                            file + ", line " + (i + 1) + ": not a training-log entry with a step (" + e.getMessage()
                                    + ")",
                            e);
                }
            }
        }
        return out;
    }

    /** The numeric fields of a step entry, in column order after {@code run} and {@code step}. */
    public static final List<String> STEP_FIELDS = List.of("loss", "lr", "logit_scale", "samples_per_s");

    /**
     * The optimizer steps of several training logs in long form, e.g. to plot loss curves by run; a field an entry
     * lacks is NaN. Evaluation entries are left out (see {@link #evalTable}).
     *
     * @param logs run name to its {@code metrics.jsonl}, in row order
     * @return a new table: run, step, loss, lr, logit_scale, samples_per_s
     * @throws IOException naming the file when a log is missing or malformed
     */
    public static Table toTable(Map<String, Path> logs) throws IOException {
        Table t = Table.create("training steps", StringColumn.create("run"), IntColumn.create("step"));
        STEP_FIELDS.forEach(f -> t.addColumns(DoubleColumn.create(f)));
        for (var log : logs.entrySet()) {
            for (JsonObject e : read(log.getValue())) {
                if (e.has("eval")) {
                    continue;
                }
                t.stringColumn("run").append(log.getKey());
                t.intColumn("step").append(e.get("step").getAsInt());
                for (String f : STEP_FIELDS) {
                    t.doubleColumn(f).append(e.has(f) ? e.get(f).getAsDouble() : Double.NaN);
                }
            }
        }
        return t;
    }

    /**
     * The zero-shot evaluations logged during training ({@code {"step", "eval": {"zeroshot": {"top1", "top5"}}}}),
     * in long form.
     *
     * @param logs run name to its {@code metrics.jsonl}, in row order
     * @return a new table: run, step, top1, top5
     * @throws IOException naming the file when a log is missing or malformed
     */
    public static Table evalTable(Map<String, Path> logs) throws IOException {
        Table t = Table.create(
                "zero-shot during training",
                StringColumn.create("run"),
                IntColumn.create("step"),
                DoubleColumn.create("top1"),
                DoubleColumn.create("top5"));
        for (var log : logs.entrySet()) {
            for (JsonObject e : read(log.getValue())) {
                if (!e.has("eval") || !e.getAsJsonObject("eval").has("zeroshot")) {
                    continue;
                }
                JsonObject z = e.getAsJsonObject("eval").getAsJsonObject("zeroshot");
                t.stringColumn("run").append(log.getKey());
                t.intColumn("step").append(e.get("step").getAsInt());
                t.doubleColumn("top1").append(z.get("top1").getAsDouble());
                t.doubleColumn("top5").append(z.get("top5").getAsDouble());
            }
        }
        return t;
    }
}
