package org.parrotscope.spark;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.parrotscope.clip.ClipScorer;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.edit.AblationConfig;
import org.parrotscope.edit.AblationRun;
import org.parrotscope.edit.AblationSchema;
import org.parrotscope.edit.InpaintConfig;
import org.parrotscope.parrot.Matching;
import org.parrotscope.util.ParquetTable;
import org.parrotscope.util.Progress;

/**
 * {@code spark ablate}'s work on one shard: the shard's OCR file ({@code <ocr>/<shard>.jsonl} of an {@code ocr}
 * run, copied from a remote filesystem when needed), then the single-machine ablation ({@link AblationRun#ablate})
 * with the executor's shared model, into {@link AblationSchema} rows. A shard without an OCR file fails with that
 * reason.
 *
 * @param ocr the OCR output folder, a local path or Hadoop URI
 * @param modelDir the model folder, absolute, the same path on every executor
 * @param vocab a tokenizer vocabulary overriding the folder's, or null
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
        String modelDir,
        String vocab,
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
                modelDir,
                String.valueOf(vocab),
                Integer.toString(batch),
                Double.toString(radius),
                Integer.toString(dilation),
                matching,
                Long.toString(seed),
                Long.toString(maxPixels));
    }

    @Override
    public ParquetTable.Rows process(Shard shard, Path work, Configuration conf) throws IOException {
        String source = ocr.endsWith("/") ? ocr + shard.name() + ".jsonl" : ocr + "/" + shard.name() + ".jsonl";
        Path ocrFile;
        try {
            ocrFile = ShardTask.fetch(source, work.resolve("ocr"), conf);
        } catch (IOException e) {
            throw new IOException("no OCR file for shard " + shard.name() + " (" + e.getMessage() + ")", e);
        }
        AblationConfig config = AblationConfig.builder()
                .setOut(work.resolve("out"))
                .setOcrDir(ocrFile.getParent())
                .optInpaint(InpaintConfig.builder()
                        .optRadius(radius)
                        .optDilation(dilation)
                        .build())
                .optMatching(Matching.ofLabel(matching))
                .optSeed(seed)
                .optThreads(threads)
                .optDecoder(ImageDecoder.builder().optMaxPixels(maxPixels).build())
                .build();
        SkipLog skips = new SkipLog();
        try (ClipScorer scorer = ScoreWork.scorer(modelDir, vocab, batch, threads)) {
            var rows = new AblationRun(config, scorer).ablate(shard, ocrFile, skips, Progress.silent());
            return new ParquetTable.Rows(AblationSchema.rows(rows), 0, skips.total());
        }
    }
}
