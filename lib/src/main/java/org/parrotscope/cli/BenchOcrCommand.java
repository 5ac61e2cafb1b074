package org.parrotscope.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Shard;
import org.parrotscope.ocr.OcrAccuracySuite;
import org.parrotscope.ocr.OcrBenchmark;
import org.parrotscope.ocr.OcrComparison;
import org.parrotscope.ocr.OcrNodeReference;
import org.parrotscope.ocr.OcrOptions;
import org.parrotscope.ocr.OcrSpeedSuite;
import org.parrotscope.ocr.SmallPrintImages;
import org.parrotscope.ocr.TextSpotter;
import org.parrotscope.ocr.TextSpotters;
import org.parrotscope.parrot.SpottingBench;
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
            "With --truth SHARDS (mini-LAION or synth --hard), also word precision/recall of each engine against the "
                    + "generator's ground truth, the image-level table (image text recall, parrot recall per matching, "
                    + "per hard layout) next to each run's images/s,",
            "then speed and recall side by side on the same decoded images (with --node, next to @gutenye/ocr-node;",
            "with --frontier, for ppocr's upscaling choices)."
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
            defaultValue = "ppocr-det+tesseract,ppocr,tesseract",
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
            names = "--node",
            description = "Also run @gutenye/ocr-node@1.4.8 on the same images (install it first with "
                    + "environment/ocr-node-install.sh; it goes to <models>/ocr-node).")
    boolean node;

    @Option(
            names = "--frontier",
            split = ",",
            paramLabel = "LIST",
            description = "With --truth: the recall/speed frontier of ppocr's upscaling choices, each a target side "
                    + "(0: never), optionally with /probe, e.g. 0,384,512,640,640/probe.")
    List<String> frontier;

    @Option(
            names = "--det-sizes",
            split = ",",
            paramLabel = "LIST",
            description = "Also measure ppocr at these --det-max-side limits on --images rendered 1280x720 images "
                    + "with small print (e.g. 960,1280,1600).")
    List<Integer> detSizes;

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
        if (detSizes != null) {
            detSizes(out, all);
        }
        out.flush();
        return 0;
    }

    private void speed(PrintWriter out, int all) throws Exception {
        out.println(OcrBenchmark.header());
        Path nodeDir = node ? OcrNodeReference.defaultDir() : null;
        OcrSpeedSuite.run(engines, images, all, noBaseline ? -1 : baselineInheritOmp ? 0 : 1, nodeDir, r -> {
            out.println(r);
            out.flush();
        });
    }

    private void accuracy(PrintWriter out, int all) throws Exception {
        Path dir = truthOut != null ? truthOut : Files.createTempDirectory("ocr-accuracy-");
        out.println();
        out.println("word accuracy against ground truth (" + truth + ")");
        List<Shard> shards = Datasets.resolve(truth);
        Map<String, Double> speed = new LinkedHashMap<>();
        OcrAccuracySuite.run(engines, shards, dir, all, a -> {
            out.println(a);
            out.flush();
            speed.put(a.engine(), a.run().imagesPerSecond());
        });
        out.println("OCR JSONL per engine in " + dir + " (for parrotscope stats)");
        out.println();
        out.println("image-level text and parrot recall per matching (SpottingAccuracy; images/s of the runs above, "
                + all + " threads, load average " + load() + ")");
        out.println(SpottingBench.table(SpottingBench.compare(shards, dir, engines), speed)
                .printAll());
        sideBySide(out, all);
    }

    private void detSizes(PrintWriter out, int all) throws Exception {
        List<OcrComparison.Truthed> set = OcrComparison.of(SmallPrintImages.render(images, 1280, 720, 42));
        out.println();
        out.println("ppocr detection size limit on " + set.size() + " rendered 1280x720 images with small print "
                + "(load average " + load() + ")");
        out.println(OcrComparison.header());
        OcrComparison.maxSideChoices(detSizes, OcrOptions.defaults(), set, all, r -> {
            out.println(r);
            out.flush();
        });
    }

    private static String load() {
        return String.format(
                Locale.ROOT,
                "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Engines, the Node reference and the upscaling frontier on the same decoded images, speed next to recall. */
    private void sideBySide(PrintWriter out, int all) throws Exception {
        List<OcrComparison.Truthed> set = OcrComparison.load(Datasets.resolve(truth), 0);
        out.println();
        out.println("side by side on the same " + set.size() + " decoded images (load average " + load()
                + "; cpu img/s = images / (worker CPU seconds / threads))");
        out.println(OcrComparison.header());
        for (String name : engines) {
            try (TextSpotter engine = TextSpotters.create(name, OcrOptions.defaults())) {
                out.println(OcrComparison.measure(name, engine, set, all));
                out.flush();
            }
        }
        if (node) {
            out.println(OcrNodeReference.measure(OcrNodeReference.defaultDir(), set));
            out.flush();
        }
        if (frontier != null) {
            out.println();
            out.println("ppocr upscaling frontier (target side -> speed, words)");
            out.println(OcrComparison.header());
            OcrComparison.upscaleFrontier(frontier, OcrOptions.defaults(), set, all, r -> {
                out.println(r);
                out.flush();
            });
        }
    }
}
