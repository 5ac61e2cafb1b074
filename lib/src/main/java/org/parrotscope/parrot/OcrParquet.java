package org.parrotscope.parrot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parrotscope.data.Shard;
import org.parrotscope.ocr.OcrRun;
import org.parrotscope.util.ParquetTable;
import org.parrotscope.util.ShardOutput;

/**
 * {@code ocr --format parquet}: the {@link SampleSchema} file of every finished shard of an OCR output folder,
 * {@code <shard>.parquet} beside its {@code <shard>.jsonl}. The JSONL file, its journal and completion record stay
 * the run's durable state (resume inside a shard, damage checks, the input of {@code stats} and {@code ablate});
 * the Parquet file is derived from it once the shard is finished, written atomically, and rewritten when it is
 * incomplete or older than the JSONL file (a shard redone after damage).
 */
public final class OcrParquet {

    private OcrParquet() {}

    /**
     * Writes the missing or stale Parquet files.
     *
     * @param shards the shards of the run
     * @param ocrDir the OCR output folder
     * @param engine the run's engine (named in rows of samples without a record)
     * @return the shards written, by name
     * @throws IOException when a shard, a JSONL file or a Parquet file cannot be read or written
     */
    public static List<String> convert(List<Shard> shards, Path ocrDir, String engine) throws IOException {
        Set<String> partial = new HashSet<>();
        Path cut = ocrDir.resolve(OcrRun.PARTIAL_FILE);
        if (Files.isRegularFile(cut)) {
            Files.readAllLines(cut).forEach(l -> partial.add(l.strip()));
        }
        List<String> written = new ArrayList<>();
        for (Shard shard : shards) {
            Path jsonl = OcrRun.outputOf(ocrDir, shard);
            ShardOutput so = ShardOutput.of(jsonl);
            // only finished shards: a shard cut by --limit or not reached has no complete JSONL yet
            if (partial.contains(shard.name()) || !Files.isRegularFile(so.marker())) {
                continue;
            }
            Path parquet = parquetOf(ocrDir, shard);
            if (SampleSchema.TABLE.damage(parquet) == null
                    && !Files.getLastModifiedTime(parquet)
                            .toInstant()
                            .isBefore(Files.getLastModifiedTime(jsonl).toInstant())) {
                continue;
            }
            ParquetTable.Rows rows = SampleSchema.rows(shard, jsonl, engine);
            SampleSchema.TABLE.writeAtomically(parquet, rows.rows());
            written.add(shard.name());
        }
        return written;
    }

    /**
     * @param ocrDir the OCR output folder
     * @param shard a shard
     * @return {@code <ocrDir>/<shard>.parquet}
     */
    public static Path parquetOf(Path ocrDir, Shard shard) {
        return ocrDir.resolve(shard.name() + ".parquet");
    }
}
