package org.parrotscope.clip;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;

/**
 * Scores shards into one folder, one score file per shard ({@code <shard>.csv} with {@code key,clip_score},
 * {@code <shard>.jsonl}, or {@code <shard>.parquet} with the {@link ScoreSchema} columns), its skipped samples
 * ({@code <shard>.skipped.jsonl}) and optionally its embeddings ({@code <shard>.embeddings.safetensors}, see
 * {@link EmbeddingWriter#writeScored}; inside the Parquet file for that format). A shard whose outputs exist is not
 * scored again (a Parquet file must also be complete, {@link org.parrotscope.util.ParquetTable#damage}), so an
 * interrupted run resumes; every file is written atomically, the score file last.
 */
public final class ShardScoreRun {

    /** Score file formats. */
    public enum Format {
        /** {@code key,clip_score} with a header line, keys quoted as RFC 4180 says. */
        CSV,
        /** One {@code {"key": ..., "clip_score": ...}} object a line. */
        JSONL,
        /** The {@link ScoreSchema} table, embeddings inside it with {@code --embeddings}. */
        PARQUET;

        /** @return the file extension */
        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param name {@code csv}, {@code jsonl} or {@code parquet}, any case
         * @return the format
         * @throws IllegalArgumentException for another name
         */
        public static Format parse(String name) {
            for (Format f : values()) {
                if (f.extension().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("score format must be csv, jsonl or parquet, not " + name);
        }
    }

    /**
     * What became of one shard.
     *
     * @param shard the shard name
     * @param resumed true when its outputs existed and it was not scored again
     * @param scored samples scored (0 when resumed)
     * @param skips samples skipped while scoring it (empty when resumed)
     * @param scores the score file
     */
    public record ShardResult(String shard, boolean resumed, int scored, SkipLog skips, Path scores) {
        /** Checks the names. */
        public ShardResult {
            Objects.requireNonNull(shard, "shard");
            Objects.requireNonNull(skips, "skips");
            Objects.requireNonNull(scores, "scores");
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ShardScoreRun.class);

    private final ShardScorer scorer;
    private final String model;
    private final int dim;
    private final Path out;
    private final Format format;
    private final boolean embeddings;
    private final Function<String, Progress> progress;

    /**
     * @param scorer scores the samples (its model sets the embedding width)
     * @param out the output folder
     * @param format the score file format
     * @param embeddings also write the embeddings of every shard
     * @param progress makes a progress reporter for a task name ({@code Progress::silent}-like or a console bar)
     */
    public ShardScoreRun(
            ClipScorer scorer, Path out, Format format, boolean embeddings, Function<String, Progress> progress) {
        this(scorer, "unnamed", out, format, embeddings, progress);
    }

    /**
     * @param scorer scores the samples (its model sets the embedding width)
     * @param model the model's name in the Parquet {@code model} column, e.g. its folder
     * @param out the output folder
     * @param format the score file format
     * @param embeddings also write the embeddings of every shard
     * @param progress makes a progress reporter for a task name ({@code Progress::silent}-like or a console bar)
     */
    public ShardScoreRun(
            ClipScorer scorer,
            String model,
            Path out,
            Format format,
            boolean embeddings,
            Function<String, Progress> progress) {
        this.model = Objects.requireNonNull(model, "model");
        this.scorer = new ShardScorer(Objects.requireNonNull(scorer, "scorer"), ImageDecoder.defaults());
        this.dim = scorer.model().config().embedDim();
        this.out = Objects.requireNonNull(out, "out");
        this.format = Objects.requireNonNull(format, "format");
        this.embeddings = embeddings;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Scores one shard unless its outputs exist.
     *
     * @param shard the shard
     * @return what was done
     * @throws IOException when the shard cannot be opened or an output cannot be written
     */
    public ShardResult score(Shard shard) throws IOException {
        Path scores = out.resolve(shard.name() + "." + format.extension());
        if (format == Format.PARQUET) {
            return scoreParquet(shard, scores);
        }
        Path emb = out.resolve(shard.name() + ".embeddings.safetensors");
        if (Files.exists(scores) && (!embeddings || Files.exists(emb))) {
            return new ShardResult(shard.name(), true, 0, new SkipLog(), scores);
        }
        SkipLog skips = new SkipLog();
        List<ShardScorer.Scored> rows = new ArrayList<>();
        try (Progress p = progress.apply("clip score " + shard.name())) {
            scorer.score(shard, skips, p, rows::add);
        }
        if (embeddings) {
            EmbeddingWriter.writeScored(emb, rows, dim);
        }
        writeSkips(out.resolve(shard.name() + ".skipped.jsonl"), skips);
        writeScores(scores, rows, format);
        return new ShardResult(shard.name(), false, rows.size(), skips, scores);
    }

    private ShardResult scoreParquet(Shard shard, Path file) throws IOException {
        String damage = ScoreSchema.TABLE.damage(file);
        if (damage == null) {
            return new ShardResult(shard.name(), true, 0, new SkipLog(), file);
        }
        if (!damage.equals("missing")) {
            LOG.warn("{}: damaged output ({}): redoing shard {}", file, damage, shard.name());
        }
        SkipLog skips = new SkipLog();
        org.parrotscope.util.ParquetTable.Rows rows;
        try (Progress p = progress.apply("clip score " + shard.name())) {
            rows = parquetRows(scorer, shard, model, embeddings, skips, p);
        }
        writeSkips(out.resolve(shard.name() + ".skipped.jsonl"), skips);
        ScoreSchema.TABLE.writeAtomically(file, rows.rows());
        return new ShardResult(shard.name(), false, rows.rows().size(), skips, file);
    }

    /**
     * The {@link ScoreSchema} rows of one shard (the single-machine and the Spark job share it).
     *
     * @param scorer the shard scorer
     * @param shard the shard
     * @param model the model's name for the {@code model} column
     * @param embeddings whether rows carry the embeddings
     * @param skips receives the samples that could not be scored
     * @param progress advanced once per sample
     * @return the rows in stored order; {@code dropped} counts the skipped samples
     * @throws IOException when the shard cannot be opened
     */
    public static org.parrotscope.util.ParquetTable.Rows parquetRows(
            ShardScorer scorer, Shard shard, String model, boolean embeddings, SkipLog skips, Progress progress)
            throws IOException {
        var f = ScoreSchema.TABLE.factory();
        List<org.apache.parquet.example.data.Group> rows = new ArrayList<>();
        scorer.scoreSamples(
                shard,
                skips,
                progress,
                (sample, scored) -> rows.add(ScoreSchema.row(f, shard.name(), model, sample, scored, embeddings)));
        return new org.parrotscope.util.ParquetTable.Rows(rows, 0, skips.total());
    }

    /**
     * Writes a score file.
     *
     * @param file the target
     * @param rows the scored samples, in stored order
     * @param format the format, CSV or JSONL
     * @throws IOException when the file cannot be written
     */
    public static void writeScores(Path file, List<ShardScorer.Scored> rows, Format format) throws IOException {
        if (format == Format.PARQUET) {
            throw new IllegalArgumentException("Parquet score files need the samples: use score(shard)");
        }
        StringBuilder sb = new StringBuilder();
        if (format == Format.CSV) {
            sb.append("key,clip_score\n");
            for (var r : rows) {
                sb.append(csv(r.key()))
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.6f", r.clipScore()))
                        .append('\n');
            }
        } else {
            for (var r : rows) {
                JsonObject o = new JsonObject();
                o.addProperty("key", r.key());
                o.addProperty("clip_score", r.clipScore());
                sb.append(Json.COMPACT.toJson(o)).append('\n');
            }
        }
        AtomicFiles.write(file, o -> o.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void writeSkips(Path file, SkipLog skips) throws IOException {
        StringBuilder sb = new StringBuilder();
        skips.entries().forEach(s -> sb.append(Json.COMPACT.toJson(s)).append('\n'));
        AtomicFiles.write(file, o -> o.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** RFC 4180 quoting when the key holds a comma, quote or line break. */
    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
