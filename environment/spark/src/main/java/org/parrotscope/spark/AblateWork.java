package org.parrotscope.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.parrotscope.cli.AblationOptions;
import org.parrotscope.clip.ClipScorer;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.edit.AblationConfig;
import org.parrotscope.edit.AblationRun;
import org.parrotscope.edit.AblationSchema;
import org.parrotscope.ocr.OcrJsonl;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.parrot.Matching;
import org.parrotscope.parrot.SampleSchema;
import org.parrotscope.util.ParquetTable;
import org.parrotscope.util.Progress;

/**
 * {@code spark ablate}'s work on one shard: the shard's OCR records ({@code <ocr>/<shard>.jsonl} of an {@code ocr}
 * run, or the sample table {@code <ocr>/<shard>.parquet} of {@code spark ocr}, copied from a remote filesystem when
 * needed), then the single-machine ablation ({@link AblationRun#ablate}) with the executor's shared model, into
 * {@link AblationSchema} rows. A shard without either fails with that reason.
 *
 * @param ocr the OCR output folder ({@code ocr} or {@code spark ocr}), a local path or Hadoop URI
 * @param model the model folder (absolute, the same path on every executor), vocabulary and device choice
 * @param batch images per forward pass
 * @param threads decoding and inpainting threads of the task
 * @param radius Telea inpainting radius
 * @param dilation mask dilation in pixels
 * @param matching the caption matching of Co-Emb. words
 * @param seed the donor seed of the random baselines
 * @param maxPixels the largest image accepted
 */
record AblateWork(
        String ocr,
        ModelRef model,
        int batch,
        int threads,
        double radius,
        int dilation,
        String matching,
        long seed,
        long maxPixels)
        implements ShardWork {

    private static final long serialVersionUID = 1L;

    @Override
    public String kind() {
        return "ablate";
    }

    @Override
    public ParquetTable table() {
        return AblationSchema.TABLE;
    }

    @Override
    public String settings() {
        return String.join(
                " ",
                "ablate",
                ocr,
                model.dir(),
                String.valueOf(model.vocab()),
                Integer.toString(batch),
                Double.toString(radius),
                Integer.toString(dilation),
                matching,
                Long.toString(seed),
                Long.toString(maxPixels));
    }

    @Override
    public ParquetTable.Rows process(Shard shard, Path work, Configuration conf) throws IOException {
        Path ocrFile = ocrFile(shard, work, conf);
        AblationConfig config = AblationConfig.builder()
                .setOut(work.resolve("out"))
                .setOcrDir(ocrFile.getParent())
                .optInpaint(AblationOptions.inpaint(radius, dilation))
                .optMatching(Matching.ofLabel(matching))
                .optSeed(seed)
                .optThreads(threads)
                .optDecoder(ImageDecoder.builder().optMaxPixels(maxPixels).build())
                .build();
        SkipLog skips = new SkipLog();
        try (ClipScorer scorer = ScoreWork.scorer(model, batch, threads)) {
            var rows = new AblationRun(config, scorer).ablate(shard, ocrFile, skips, Progress.silent());
            return new ParquetTable.Rows(AblationSchema.rows(rows), 0, skips.total());
        }
    }

    /**
     * The shard's OCR records as a local JSONL file: {@code <ocr>/<shard>.jsonl} of {@code parrotscope ocr}, or,
     * when there is none, the sample table {@code <ocr>/<shard>.parquet} of {@code spark ocr} turned back into
     * records.
     */
    private Path ocrFile(Shard shard, Path work, Configuration conf) throws IOException {
        String base = ocr.endsWith("/") ? ocr + shard.name() : ocr + "/" + shard.name();
        IOException jsonlMissing;
        try {
            return ShardTask.fetch(base + ".jsonl", work.resolve("ocr"), conf);
        } catch (IOException e) {
            jsonlMissing = e;
        }
        Path parquet;
        try {
            parquet = ShardTask.fetch(base + ".parquet", work.resolve("ocr-parquet"), conf);
        } catch (IOException e) {
            throw new IOException(
                    "no OCR file for shard " + shard.name() + " (" + jsonlMissing.getMessage() + ", " + e.getMessage()
                            + ")",
                    e);
        }
        List<OcrRecord> records = new ArrayList<>();
        for (Group g : SampleSchema.TABLE.read(parquet)) {
            records.add(SampleSchema.ocrRecord(g));
        }
        Path jsonl = work.resolve("ocr").resolve(shard.name() + ".jsonl");
        OcrJsonl.write(jsonl, records);
        return jsonl;
    }
}
