package org.parrotscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.parrotscope.edit.EditBenchmark;
import org.parrotscope.edit.InpaintConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parrotscope bench edit}: Telea inpainting edits/s and ablation pairs/s. */
@Command(
        name = "edit",
        mixinStandardHelpOptions = true,
        description = "Edits/s of Telea inpainting at 256x256 and 640x480, and ablation pairs/s (inpaint + CLIP score)"
                + " with randomly initialised presets.")
public final class BenchEditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--images",
            defaultValue = "40",
            description = "Images per inpainting pass (default ${DEFAULT-VALUE}).")
    int images;

    @Option(
            names = "--samples",
            defaultValue = "100",
            description = "Generated mini-LAION samples for the ablation runs (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--preset",
            split = ",",
            defaultValue = "mini,ViT-B-32",
            description = "CLIP presets scored with random weights (default ${DEFAULT-VALUE}).")
    List<String> presets;

    @Option(names = "--batch", defaultValue = "32", description = "CLIP batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<EditBenchmark.Result> results = new ArrayList<>();
        for (int[] size : new int[][] {{256, 256}, {640, 480}}) {
            for (int t : n > 1 ? new int[] {1, n} : new int[] {1}) {
                results.add(EditBenchmark.inpainting(size[0], size[1], images, t, InpaintConfig.DEFAULT));
            }
        }
        Path work = Files.createTempDirectory("parrotscope-bench-edit");
        try {
            for (String p : presets) {
                results.add(EditBenchmark.ablation(p, samples, n, batch, work));
            }
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        PrintWriter con = spec.commandLine().getOut();
        con.print(EditBenchmark.format(results));
        con.flush();
        return 0;
    }
}
