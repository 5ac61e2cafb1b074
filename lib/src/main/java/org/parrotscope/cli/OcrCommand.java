package org.parrotscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Shard;
import org.parrotscope.ocr.OcrOptions;
import org.parrotscope.ocr.OcrRun;
import org.parrotscope.ocr.OcrSummary;
import org.parrotscope.ocr.TextSpotters;
import org.parrotscope.parrot.OcrParquet;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parrotscope ocr}: text spotting over shards, one JSONL per shard (paper Step 2). */
@Command(
        name = "ocr",
        mixinStandardHelpOptions = true,
        description = {
            "Spot the text in every image of the shards and write OUT/<shard>.jsonl, one object per sample: key, engine, "
                    + "width, height, words (text, confidence, box [x0,y0,x1,y1], polygon [[x,y]x4]) and error when it failed.",
            "Re-running skips finished shards, so an interrupted run can simply be restarted. A summary "
                    + "OUT/ocr-run-<time>.json is written and printed.",
            "Engines: ppocr (PP-OCRv4 scene text, default; models installed by environment/bootstrap), tesseract "
                    + "(documents, clean rendered text), oracle (mini-LAION ground truth)."
        })
public final class OcrCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "SHARDS",
            description = "Shards: .tar files, globs, brace ranges or image folders with captions.")
    List<String> shards;

    @Option(
            names = "--engine",
            defaultValue = TextSpotters.DEFAULT,
            paramLabel = "ppocr|tesseract|ppocr-det+tesseract|oracle",
            description = "Engine (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(
            names = "--limit",
            defaultValue = "0",
            paramLabel = "N",
            description = "Process at most N samples (0: all; default: ${DEFAULT-VALUE}).")
    long limit;

    @Option(
            names = "--max-pixels",
            defaultValue = "" + ImageDecoder.DEFAULT_MAX_PIXELS,
            paramLabel = "P",
            description = "Refuse images with more pixels (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    @Option(
            names = "--det-upscale-to",
            defaultValue = "640",
            paramLabel = "PX",
            description =
                    "ppocr: enlarge images whose longer side is smaller to this before detection; 0 never (default: ${DEFAULT-VALUE}).")
    int detUpscaleTo;

    @Option(
            names = "--det-max-side",
            defaultValue = "1280",
            paramLabel = "PX",
            description = "ppocr: longer detection side limit (default: ${DEFAULT-VALUE}).")
    int detMaxSide;

    @Option(
            names = "--unclip-ratio",
            defaultValue = "2.0",
            paramLabel = "R",
            description = "ppocr: DB box expansion (default: ${DEFAULT-VALUE}).")
    float unclipRatio;

    @Option(
            names = "--drop-score",
            defaultValue = "0.5",
            paramLabel = "S",
            description = "ppocr: drop lines scored below (default: ${DEFAULT-VALUE}).")
    float dropScore;

    @Option(
            names = "--word-gap",
            defaultValue = "0.3",
            paramLabel = "R",
            description =
                    "ppocr: also split lines at blank gaps R x the ink height wide; 0 at spaces only (default: ${DEFAULT-VALUE}).")
    float wordGap;

    @Option(
            names = "--format",
            defaultValue = "jsonl",
            paramLabel = "jsonl|parquet",
            description = "jsonl, or parquet: also OUT/<shard>.parquet (the table of `spark ocr`) for every finished"
                    + " shard (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("jsonl") && !format.equals("parquet")) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--format must be jsonl or parquet, not " + format);
        }
        List<Shard> resolved = Datasets.resolve(shards);
        OcrOptions options = OcrOptions.builder()
                .optDetUpscaleTo(detUpscaleTo)
                .optDetMaxSide(detMaxSide)
                .optUnclipRatio(unclipRatio)
                .optDropScore(dropScore)
                .optWordGapRatio(wordGap)
                .build();
        OcrRun run = OcrRun.builder()
                .setOut(out)
                .optEngine(engine)
                .optThreads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
                .optLimit(limit)
                .optOptions(options)
                .optDecoder(ImageDecoder.builder().optMaxPixels(maxPixels).build())
                .optProgress(Progress.console("ocr " + engine, limit))
                .buildRun();
        OcrSummary summary = run.run(resolved);
        var json = summary.toJson();
        if (format.equals("parquet")) {
            List<OcrParquet.Written> written = OcrParquet.convert(resolved, out, engine);
            var names = new com.google.gson.JsonArray();
            var rewritten = new com.google.gson.JsonObject();
            for (OcrParquet.Written w : written) {
                names.add(w.shard());
                if (!w.reason().equals("missing")) {
                    rewritten.addProperty(w.shard(), w.reason());
                    spec.commandLine()
                            .getErr()
                            .println(OcrParquet.parquetOf(out, w.shard()) + ": " + w.reason() + ": rewritten");
                }
            }
            spec.commandLine().getErr().flush();
            json.add("parquet_written", names);
            json.add("parquet_rewritten", rewritten);
        }
        spec.commandLine().getOut().println(Json.PRETTY.toJson(json));
        return 0;
    }
}
