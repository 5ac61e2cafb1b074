package org.parrotscope.edit;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.parrotscope.clip.ClipScorer;
import org.parrotscope.clip.EmbeddingWriter;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;
import org.parrotscope.util.ShardOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text-removal score ablation over shards (paper Step 5, Table 2): for every image with spotted text the
 * CLIP score of the raw image, All-Emb. and Co-Emb. removal and their random-area baselines, all against the
 * unchanged caption; images without text are scored raw. One {@link AblationCsv} file per shard, or one
 * {@link AblationSchema} Parquet file with {@link AblationConfig#parquet()}.
 *
 * <ul>
 *   <li>Resumable per shard ({@link ShardOutput}): a shard whose file matches its completion record is skipped;
 *       a damaged one is logged and redone; an interrupted shard is redone from its start. Every file is
 *       written atomically. A Parquet file is complete when its footer is ({@link
 *       org.parrotscope.util.ParquetTable#damage}).
 *   <li>A sample whose image cannot be decoded, that has no OCR record, a failed one, or no caption is skipped
 *       and counted by reason ({@code <shard>.skipped.jsonl}, {@link AblationSummary#skipped()}).
 *   <li>A shard without an OCR file is skipped and listed (e.g. past an OCR run's {@code --limit}).
 * </ul>
 *
 * The scorer is the caller's (its model and batch size decide the scores); this run only borrows it.
 */
public final class AblationRun {

    /** File-name suffix of a shard's raw embeddings ({@link AblationConfig#writeEmbeddings()}). */
    public static final String EMBEDDINGS_SUFFIX = ".embeddings.safetensors";

    private static final Logger LOG = LoggerFactory.getLogger(AblationRun.class);

    private final AblationConfig config;
    private final ClipScorer scorer;

    /**
     * @param config the settings
     * @param scorer the CLIP scorer, not closed by the run
     */
    public AblationRun(AblationConfig config, ClipScorer scorer) {
        this.config = Objects.requireNonNull(config, "config");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
    }

    /**
     * The per-sample file of a shard.
     *
     * @param out the output folder
     * @param shard the shard
     * @return {@code <out>/<shard name>.csv}
     */
    public static Path outputOf(Path out, Shard shard) {
        return out.resolve(shard.name() + ".csv");
    }

    /**
     * The per-sample Parquet file of a shard ({@link AblationConfig#parquet()}).
     *
     * @param out the output folder
     * @param shard the shard
     * @return {@code <out>/<shard name>.parquet}
     */
    public static Path parquetOf(Path out, Shard shard) {
        return out.resolve(shard.name() + ".parquet");
    }

    /**
     * Ablates one shard into rows, without writing anything (the Spark job writes its own files).
     *
     * @param shard the shard
     * @param ocrFile its OCR file ({@code <shard>.jsonl} of an {@code ocr} run)
     * @param skips receives the samples that were not ablated
     * @param progress advanced once per sample
     * @return the rows, in stored order
     * @throws IOException when the shard or the OCR file cannot be read
     */
    public List<AblationRow> ablate(Shard shard, Path ocrFile, SkipLog skips, Progress progress) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "ablate-edit");
            t.setDaemon(true);
            return t;
        });
        try {
            return new ShardAblation(config, scorer, pool).run(shard, ocrFile, skips, progress);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Null for a complete CSV, {@code missing}, or why it is damaged. */
    private static String damage(ShardOutput.Check check) {
        return switch (check.state()) {
            case COMPLETE -> null;
            case MISSING -> "missing";
            case DAMAGED -> check.reason();
        };
    }

    /**
     * Where {@link AblationConfig#writeImages()} puts an edited image.
     *
     * @param out the output folder
     * @param shard the shard name
     * @param key the sample key
     * @param variant the variant
     * @return {@code <out>/images/<shard>/<key>.<variant>.png}, the key made file-name safe
     */
    public static Path imageOf(Path out, String shard, String key, Variant variant) {
        return out.resolve("images").resolve(shard).resolve(ShardAblation.safe(key) + "." + variant.label() + ".png");
    }

    /**
     * Ablates the shards not finished yet.
     *
     * @param shards the shards, e.g. from {@code Datasets.resolve}
     * @param progress advanced once per sample of the shards this run ablates
     * @return what the run did
     * @throws IOException when a shard cannot be opened or an output cannot be written
     */
    public AblationSummary run(List<Shard> shards, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(config.out());
        Set<String> names = new HashSet<>();
        for (Shard s : shards) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("two shards are named " + s.name() + "; outputs would collide");
            }
        }
        int done = 0;
        int resumed = 0;
        int redone = 0;
        long samples = 0;
        long text = 0;
        long co = 0;
        List<String> withoutOcr = new ArrayList<>();
        SkipLog all = new SkipLog();
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "ablate-edit");
            t.setDaemon(true);
            return t;
        });
        ShardAblation ablation = new ShardAblation(config, scorer, pool);
        try {
            for (Shard shard : shards) {
                ShardOutput so = ShardOutput.of(outputOf(config.out(), shard));
                Path parquet = parquetOf(config.out(), shard);
                // the Parquet file's completeness is its footer (ParquetTable), the CSV's its completion record
                String damage = config.parquet()
                        ? AblationSchema.TABLE.damage(parquet)
                        : damage(so.check(AblationCsv::validate));
                if (damage == null) {
                    resumed++;
                    continue;
                }
                Path ocrFile = config.ocrDir().resolve(shard.name() + ".jsonl");
                if (!Files.isRegularFile(ocrFile)) {
                    LOG.warn("{}: no OCR file {}, shard skipped", shard.name(), ocrFile);
                    withoutOcr.add(shard.name());
                    continue;
                }
                if (!damage.equals("missing")) {
                    LOG.warn(
                            "{}: finished output {} is damaged ({}), redoing it",
                            shard.name(),
                            config.parquet() ? parquet : so.target(),
                            damage);
                    redone++;
                }
                if (!config.parquet()) {
                    so.discard();
                }
                SkipLog skips = new SkipLog();
                List<AblationRow> rows = ablation.run(shard, ocrFile, skips, progress);
                writeSkips(config.out().resolve(shard.name() + ".skipped.jsonl"), skips);
                if (config.writeEmbeddings() && !ablation.embedded.isEmpty()) {
                    EmbeddingWriter.writeScored(
                            config.out().resolve(shard.name() + EMBEDDINGS_SUFFIX),
                            ablation.embedded,
                            ablation.embedded.get(0).imageEmbed().length);
                }
                if (config.parquet()) {
                    AblationSchema.TABLE.writeAtomically(parquet, AblationSchema.rows(rows));
                } else {
                    String csv = AblationCsv.format(rows);
                    so.complete(o -> o.write(csv.getBytes(StandardCharsets.UTF_8)));
                }
                skips.entries().forEach(all::add);
                samples += rows.size();
                text += rows.stream().filter(AblationRow::hasText).count();
                co += rows.stream().filter(r -> !Double.isNaN(r.sCo())).count();
                done++;
            }
        } finally {
            pool.shutdownNow();
        }
        return new AblationSummary(
                done,
                resumed,
                redone,
                withoutOcr,
                samples,
                text,
                co,
                ablation.pairs,
                (System.nanoTime() - t0) / 1e9,
                all.countsByReason(),
                ablation.corruptOcrLines);
    }

    private static void writeSkips(Path file, SkipLog skips) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (var s : skips.entries()) {
            JsonObject o = new JsonObject();
            o.addProperty("key", s.key());
            o.addProperty("source", s.source());
            o.addProperty("reason", s.reason());
            o.addProperty("detail", s.detail());
            sb.append(Json.COMPACT.toJson(o)).append('\n');
        }
        AtomicFiles.write(file, o -> o.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
