package org.parrotscope.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Shard;
import org.parrotscope.ocr.OcrBenchmark;
import org.parrotscope.ocr.OcrJsonl;
import org.parrotscope.ocr.OcrOptions;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.OcrRun;
import org.parrotscope.ocr.OcrSummary;
import org.parrotscope.ocr.TextImage;
import org.parrotscope.ocr.TextSpotter;
import org.parrotscope.ocr.TextSpotters;
import org.parrotscope.ocr.WordAccuracy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parrotscope bench ocr}: engine throughput, the Tesseract shell baseline, and accuracy against ground truth.
 */
@Command(
        name = "ocr",
        mixinStandardHelpOptions = true,
        description = {
            "Images/s of each engine on rendered text images at 256x256 and 640x480, with 1 thread and with --threads, "
                    + "and of the tesseract command run with xargs -P --threads (the shell baseline, with OMP_THREAD_LIMIT=1: its best case).",
            "With --truth SHARDS (mini-LAION), also word precision/recall of each engine against the generator's ground truth."
        })
public final class BenchOcrCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads for the all-cores runs (default: the number of cores).")
    Integer threads;

    @Option(
            names = "--engines",
            split = ",",
            defaultValue = "ppocr,tesseract",
            paramLabel = "LIST",
            description = "Engines (default: ${DEFAULT-VALUE}).")
    List<String> engines;

    @Option(
            names = "--images",
            defaultValue = "40",
            paramLabel = "N",
            description = "Images per size (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--no-baseline", description = "Skip the tesseract command baseline.")
    boolean noBaseline;

    @Option(
            names = "--baseline-inherit-omp",
            description =
                    "Run the tesseract command with this process's OMP_THREAD_LIMIT (row tesseract-cli*) instead of 1.")
    boolean baselineInheritOmp;

    @Option(names = "--no-speed", description = "Skip the throughput runs (accuracy only).")
    boolean noSpeed;

    @Option(
            names = "--truth",
            arity = "1..*",
            paramLabel = "SHARDS",
            description = "Mini-LAION shards for precision/recall.")
    List<String> truth;

    @Option(
            names = "--truth-out",
            paramLabel = "DIR",
            description = "Keep the OCR JSONL of the accuracy runs here (default: a temporary folder).")
    Path truthOut;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int all = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        out.println("OMP_THREAD_LIMIT=" + System.getenv("OMP_THREAD_LIMIT") + ", cores="
                + Runtime.getRuntime().availableProcessors());
        if (!noSpeed) {
            speed(out, all);
        }
        if (truth != null) {
            accuracy(out, all);
        }
        out.flush();
        return 0;
    }

    private void speed(PrintWriter out, int all) throws Exception {
        int[][] sizes = {{256, 256}, {640, 480}};
        List<List<BufferedImage>> sets = new ArrayList<>();
        for (int[] s : sizes) {
            sets.add(OcrBenchmark.images(images, s[0], s[1], 42).stream()
                    .map(TextImage::image)
                    .toList());
        }
        out.println(OcrBenchmark.header());
        for (String name : engines) {
            try (TextSpotter engine = TextSpotters.create(name, OcrOptions.defaults())) {
                for (List<BufferedImage> set : sets) {
                    out.println(OcrBenchmark.measure(engine, set, 1));
                    out.flush();
                    if (all != 1) {
                        out.println(OcrBenchmark.measure(engine, set, all));
                        out.flush();
                    }
                }
            }
        }
        if (!noBaseline) {
            for (List<BufferedImage> set : sets) {
                out.println(OcrBenchmark.tesseractCli(set, all, baselineInheritOmp ? 0 : 1));
                out.flush();
            }
        }
    }

    private void accuracy(PrintWriter out, int all) throws Exception {
        List<Shard> shards = Datasets.resolve(truth);
        Path dir = truthOut != null ? truthOut : Files.createTempDirectory("ocr-accuracy-");
        List<OcrRecord> oracle = runAll("oracle", shards, dir, all, null);
        out.println();
        out.println("word accuracy against ground truth (" + truth + ")");
        for (String name : engines) {
            OcrSummary[] summary = new OcrSummary[1];
            List<OcrRecord> got = runAll(name, shards, dir, all, summary);
            WordAccuracy a = WordAccuracy.compare(oracle, got);
            out.printf(
                    Locale.ROOT,
                    "%-10s %s; text rate %.3f vs truth %.3f; %.1f images/s with %d threads%n",
                    name,
                    a,
                    a.toJson().get("text_rate_spotted").getAsDouble(),
                    a.toJson().get("text_rate_truth").getAsDouble(),
                    summary[0].imagesPerSecond(),
                    all);
            out.flush();
        }
        out.println("OCR JSONL per engine in " + dir + " (for parrotscope stats)");
    }

    private static List<OcrRecord> runAll(
            String engine, List<Shard> shards, Path dir, int threads, OcrSummary[] summary) throws Exception {
        Path out = dir.resolve(engine);
        OcrSummary s = OcrRun.builder()
                .setOut(out)
                .optEngine(engine)
                .optThreads(threads)
                .buildRun()
                .run(shards);
        if (summary != null) {
            summary[0] = s;
        }
        List<OcrRecord> all = new ArrayList<>();
        for (Shard sh : shards) {
            all.addAll(OcrJsonl.read(OcrRun.outputOf(out, sh)));
        }
        return all;
    }
}
