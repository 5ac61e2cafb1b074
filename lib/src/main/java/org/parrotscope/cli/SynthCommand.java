package org.parrotscope.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parrotscope.data.synth.GroundTruthStats;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parrotscope synth}: generates a mini-LAION data set as WebDataset shards and prints its statistics. */
@Command(
        name = "synth",
        mixinStandardHelpOptions = true,
        description = {
            "Generate a deterministic mini-LAION: WebDataset shards DIR/00000.tar, 00001.tar, ... of synthetic images "
                    + "(16 object classes, printed words on some) with LAION-style captions and ground truth under "
                    + "'truth' in each sample's .json.",
            "Defaults reproduce the paper's Table 1 on the ground truth: ~55%% images with text, ~61%% of them with a "
                    + "caption word printed in the image, mean CoTR ~0.28 over text images."
        })
public final class SynthCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder for the shards.")
    Path out;

    @Option(names = "--samples", required = true, paramLabel = "N", description = "Number of samples.")
    long samples;

    @Option(
            names = "--seed",
            required = true,
            paramLabel = "S",
            description = "Random seed; same seed and options give byte-identical shards.")
    long seed;

    @Option(
            defaultValue = "" + SynthConfig.DEFAULT_SHARD_SIZE,
            names = "--shard-size",
            paramLabel = "K",
            description = "Samples per shard (default: ${DEFAULT-VALUE}).")
    int shardSize;

    @Option(
            defaultValue = "" + SynthConfig.DEFAULT_IMAGE_SIZE,
            names = "--image-size",
            paramLabel = "P",
            description = "Image width and height in pixels (default: ${DEFAULT-VALUE}).")
    int imageSize;

    @Option(
            defaultValue = "" + SynthConfig.DEFAULT_TEXT_RATE,
            names = "--text-rate",
            paramLabel = "R",
            description = "Share of images with printed text; 0 gives text-free images (default: ${DEFAULT-VALUE}).")
    double textRate;

    @Option(
            defaultValue = "" + SynthConfig.DEFAULT_PARROT_RATE,
            names = "--parrot-rate",
            paramLabel = "R",
            description = "Share of text images with a parrot caption (default: ${DEFAULT-VALUE}).")
    double parrotRate;

    @Option(
            defaultValue = "" + SynthConfig.DEFAULT_MIXED_RATE,
            names = "--mixed-rate",
            paramLabel = "R",
            description = "Share of text images with a mixed caption (default: ${DEFAULT-VALUE}).")
    double mixedRate;

    @Option(
            defaultValue = "" + SynthConfig.DEFAULT_ALT_TEXT_RATE,
            names = "--alt-text-rate",
            paramLabel = "R",
            description = "Share of images with a web alt-text caption (default: ${DEFAULT-VALUE}).")
    double altTextRate;

    @Option(
            defaultValue = "" + SynthConfig.DEFAULT_SIGN_RATE,
            names = "--sign-rate",
            paramLabel = "R",
            description = "Share of text blocks drawn on a sign or label (default: ${DEFAULT-VALUE}).")
    double signRate;

    @Option(
            defaultValue = "" + SynthConfig.DEFAULT_TEXT_SCALE,
            names = "--text-scale",
            paramLabel = "X",
            description = "Factor on the printed words' font size, 0.25-4; 2 prints them twice as large"
                    + " (default: ${DEFAULT-VALUE}; not with --hard).")
    double textScale;

    @Option(
            defaultValue = "" + SynthConfig.DEFAULT_FORMAT,
            names = "--format",
            paramLabel = "jpg|png",
            description = "Image format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            defaultValue = "" + SynthConfig.DEFAULT_JPEG_QUALITY,
            names = "--jpeg-quality",
            paramLabel = "Q",
            description = "JPEG quality in (0, 1] (default: ${DEFAULT-VALUE}).")
    float jpegQuality;

    @Option(
            names = "--class-folders",
            description = "Write text-free concept images labelled by class in ImageNet layout "
                    + "DIR/<class>/<key>.<ext> instead of shards (for eval --image-folder); text rate 0.")
    boolean classFolders;

    @Option(
            names = "--hard",
            description = "Hard layouts with exact ground truth: multi-line titles, letter-spaced headings, tiled "
                    + "semi-transparent watermarks (truth has one word per tile), small print, product labels, text "
                    + "on textures; 256 px images (--image-size) with 20%% at 640x480 and 10%% at 1280x720; captions "
                    + "re-type the printed words in other case and punctuation. Text rate "
                    + SynthConfig.HARD_TEXT_RATE + " unless --text-rate is given.")
    boolean hard;

    @Option(
            names = "--resume",
            description =
                    "Keep shards that already exist in DIR (made with the same options) and write only the missing ones.")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        if (classFolders && !spec.commandLine().getParseResult().hasMatchedOption("--text-rate")) {
            textRate = 0; // class folders hold text-free concept images
        }
        SynthConfig.Builder builder = SynthConfig.builder();
        if (!hard || spec.commandLine().getParseResult().hasMatchedOption("--text-rate")) {
            builder.optTextRate(textRate);
        }
        SynthConfig config = builder.setSeed(seed)
                .setSamples(samples)
                .optShardSize(shardSize)
                .optImageSize(imageSize)
                .optHard(hard)
                .optParrotRate(parrotRate)
                .optMixedRate(mixedRate)
                .optAltTextRate(altTextRate)
                .optSignRate(signRate)
                .optTextScale(textScale)
                .optFormat(format)
                .optJpegQuality(jpegQuality)
                .build();
        MiniLaion generator = new MiniLaion(config);
        if (classFolders) {
            java.util.Map<String, Integer> counts;
            try (Progress progress = Progress.console("synth", samples)) {
                counts = MiniLaionWriter.writeClassFolders(generator, out, progress, resume);
            }
            var o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "wrote %d text-free images in %d class folders to %s%n", samples, counts.size(), out);
            counts.forEach((k, n) -> o.printf(Locale.ROOT, "  %-10s %d%n", k, n));
            o.flush();
            return 0;
        }
        GroundTruthStats stats;
        long start = System.nanoTime();
        try (Progress progress = Progress.console("synth", samples)) {
            stats = MiniLaionWriter.write(generator, out, progress, resume);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        var o = spec.commandLine().getOut();
        o.printf(
                Locale.ROOT,
                "wrote %d samples in %d shards to %s (%.1f samples/s)%n",
                samples,
                config.shards(),
                out,
                secs > 0 ? samples / secs : 0);
        o.println("ground truth (paper Table 1 quantities, exact matching):");
        o.print(stats.table());
        o.flush();
        return 0;
    }
}
