package org.parrotscope.parrot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parrotscope.data.Shard;
import org.parrotscope.ocr.OcrRun;
import org.parrotscope.util.ParquetTable;
import org.parrotscope.util.ShardOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ocr --format parquet}: the {@link SampleSchema} file of every finished shard of an OCR output folder,
 * {@code <shard>.parquet} beside its {@code <shard>.jsonl}. The JSONL file, its journal and completion record stay
 * the run's durable state (resume inside a shard, damage checks, the input of {@code stats} and {@code ablate});
 * the Parquet file is derived from it once the shard is finished and written atomically. Its footer names the
 * shard and the SHA-256 of the JSONL file it was made from ({@link #SHARD_KEY}, {@link #SOURCE_KEY}), so a resumed
 * run rewrites a Parquet file that is damaged, belongs to another shard, was made from another version of the
 * JSONL file (a shard redone after damage), or whose row count differs from the shard's record count, and says
 * which.
 */
public final class OcrParquet {

    /** Footer entry naming the shard the rows belong to. */
    public static final String SHARD_KEY = "parrotscope.ocr.shard";

    /** Footer entry holding the SHA-256 of the JSONL file the rows were made from. */
    public static final String SOURCE_KEY = "parrotscope.ocr.jsonl_sha256";

    private static final Logger LOG = LoggerFactory.getLogger(OcrParquet.class);

    private OcrParquet() {}

    /**
     * A Parquet file written by {@link #convert}.
     *
     * @param shard the shard's name
     * @param reason {@code missing} for a new file, else why the old one was rewritten
     */
    public record Written(String shard, String reason) {}

    /**
     * Writes the missing Parquet files and rewrites the damaged or stale ones (logged at WARN with the reason).
     *
     * @param shards the shards of the run
     * @param ocrDir the OCR output folder
     * @param engine the run's engine (named in rows of samples without a record)
     * @return the files written, in shard order
     * @throws IOException when a shard, a JSONL file or a Parquet file cannot be read or written
     */
    public static List<Written> convert(List<Shard> shards, Path ocrDir, String engine) throws IOException {
        Set<String> partial = new HashSet<>();
        Path cut = ocrDir.resolve(OcrRun.PARTIAL_FILE);
        if (Files.isRegularFile(cut)) {
            Files.readAllLines(cut).forEach(l -> partial.add(l.strip()));
        }
        List<Written> written = new ArrayList<>();
        for (Shard shard : shards) {
            Path jsonl = OcrRun.outputOf(ocrDir, shard);
            ShardOutput so = ShardOutput.of(jsonl);
            // only finished shards: a shard cut by --limit or not reached has no complete JSONL yet
            if (partial.contains(shard.name()) || !Files.isRegularFile(so.marker())) {
                continue;
            }
            ShardOutput.Completion source = so.completion();
            Path parquet = parquetOf(ocrDir, shard.name());
            String why = outdated(parquet, shard.name(), source);
            if (why == null) {
                continue;
            }
            if (!why.equals("missing")) {
                LOG.warn("{}: {}: rewriting it", parquet, why);
            }
            ParquetTable.Rows rows = SampleSchema.rows(shard, jsonl, engine);
            SampleSchema.TABLE.writeAtomically(
                    parquet, rows.rows(), Map.of(SHARD_KEY, shard.name(), SOURCE_KEY, source.sha256()));
            written.add(new Written(shard.name(), why));
        }
        return written;
    }

    /**
     * Why a shard's Parquet file must be (re)written.
     *
     * @param parquet the file
     * @param shard the shard's name
     * @param source the completion record of the shard's JSONL file
     * @return null when it is complete and current, {@code missing}, or the reason it is damaged or stale
     * @throws IOException when a complete file's footer cannot be read
     */
    static String outdated(Path parquet, String shard, ShardOutput.Completion source) throws IOException {
        String damage = SampleSchema.TABLE.damage(parquet);
        if (damage != null) {
            return damage.equals("missing") ? damage : "damaged (" + damage + ")";
        }
        Map<String, String> footer = SampleSchema.TABLE.footer(parquet);
        String from = footer.get(SHARD_KEY);
        if (from == null) {
            return "stale (no record of the shard it was made from: written by an older ParrotScope or another tool)";
        }
        if (!from.equals(shard)) {
            return "stale (holds shard " + from + ", not " + shard + ")";
        }
        long rows = Long.parseLong(footer.get(ParquetTable.ROWS_KEY));
        if (rows != source.records()) {
            return "stale (holds " + rows + " rows, the shard has " + source.records() + " OCR records)";
        }
        if (!source.sha256().equals(footer.get(SOURCE_KEY))) {
            return "stale (made from another version of " + shard + ".jsonl: its SHA-256 differs)";
        }
        return null;
    }

    /**
     * @param ocrDir the OCR output folder
     * @param shard a shard's name
     * @return {@code <ocrDir>/<shard>.parquet}
     */
    public static Path parquetOf(Path ocrDir, String shard) {
        return ocrDir.resolve(shard + ".parquet");
    }
}
