package org.parrotscope.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The throughput table of {@code parrotscope bench ocr}: every engine on rendered text images ({@link
 * OcrBenchmark#images}) at 256x256 and 640x480, with one thread and with N, then optionally the {@code tesseract}
 * command run N-way with {@code xargs -P} (the shell baseline) and {@code @gutenye/ocr-node} ({@link
 * OcrNodeReference}).
 */
public final class OcrSpeedSuite {

    /** The image sizes measured: a thumbnail and a typical LAION image. */
    static final int[][] SIZES = {{256, 256}, {640, 480}};

    private OcrSpeedSuite() {}

    /**
     * Runs the suite.
     *
     * @param engines engine names for {@link TextSpotters#create}
     * @param imagesPerSize images rendered per size (seed 42)
     * @param threads the thread count of the parallel runs (1 runs only the single-thread rows)
     * @param baselineOmp {@code OMP_THREAD_LIMIT} of the baseline's tesseract processes (0 inherits this
     *     process's), or -1 to skip the baseline
     * @param nodeDir where {@code @gutenye/ocr-node} is installed ({@link OcrNodeReference}), to time it on the same
     *     images (one Node process), or null
     * @param sink receives each measurement when it is done (for live output)
     * @return the measurements in order
     * @throws OcrException when an engine fails
     * @throws IOException when the baseline cannot write its images or run tesseract, or Node fails
     */
    public static List<OcrBenchmark.Result> run(
            List<String> engines,
            int imagesPerSize,
            int threads,
            int baselineOmp,
            Path nodeDir,
            Consumer<OcrBenchmark.Result> sink)
            throws OcrException, IOException {
        List<List<BufferedImage>> sets = new ArrayList<>();
        List<List<OcrComparison.Truthed>> truthed = new ArrayList<>();
        for (int[] s : SIZES) {
            List<TextImage> rendered = OcrBenchmark.images(imagesPerSize, s[0], s[1], 42);
            sets.add(rendered.stream().map(TextImage::image).toList());
            truthed.add(OcrComparison.of(rendered));
        }
        List<OcrBenchmark.Result> out = new ArrayList<>();
        Consumer<OcrBenchmark.Result> keep = r -> {
            out.add(r);
            sink.accept(r);
        };
        for (String name : engines) {
            try (TextSpotter engine = TextSpotters.create(name, OcrOptions.defaults())) {
                for (List<BufferedImage> set : sets) {
                    keep.accept(OcrBenchmark.measure(engine, set, 1));
                    if (threads != 1) {
                        keep.accept(OcrBenchmark.measure(engine, set, threads));
                    }
                }
            }
        }
        if (nodeDir != null) {
            for (List<OcrComparison.Truthed> set : truthed) {
                OcrComparison.Row r = OcrNodeReference.measure(nodeDir, set);
                BufferedImage first = set.get(0).image();
                keep.accept(new OcrBenchmark.Result(
                        "ocr-node", first.getWidth(), first.getHeight(), 1, r.images(), r.seconds()));
            }
        }
        if (baselineOmp >= 0) {
            for (List<BufferedImage> set : sets) {
                keep.accept(OcrBenchmark.tesseractCli(set, threads, baselineOmp));
            }
        }
        return out;
    }
}
