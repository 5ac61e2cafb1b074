package org.parrotscope.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.Skipped;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.SynthConfig;

/**
 * Evaluation inputs: mini-LAION generated in memory with a seed (the default of every suite), shards, or an
 * ImageNet-layout folder of class sub-folders.
 */
public final class EvalData {

    private EvalData() {}

    /**
     * Generates mini-LAION samples in memory.
     *
     * @param seed the generator seed (use one different from the training data's)
     * @param count number of samples
     * @param imageSize image side in pixels
     * @param textRate share of images with printed text (0 = text-free concept images)
     * @return the samples with {@code truth} metadata (unmodifiable; the last four sets generated are kept and
     *     returned again for the same arguments)
     */
    public static List<Sample> miniLaion(long seed, int count, int imageSize, double textRate) {
        GeneratedKey key = new GeneratedKey(seed, count, Math.max(32, imageSize), textRate);
        synchronized (GENERATED) {
            List<Sample> hit = GENERATED.get(key);
            if (hit != null) {
                return hit;
            }
        }
        MiniLaion gen = new MiniLaion(SynthConfig.builder()
                .setSeed(seed)
                .setSamples(count)
                .optImageSize(key.imageSize())
                .optTextRate(textRate)
                .optFormat("png")
                .build());
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(gen.generate(i).sample());
        }
        List<Sample> samples = List.copyOf(out);
        synchronized (GENERATED) {
            GENERATED.put(key, samples);
        }
        return samples;
    }

    /** The arguments of one generated evaluation set. */
    private record GeneratedKey(long seed, int count, int imageSize, double textRate) {}

    /**
     * The last generated sets, so that evaluating several models in one JVM (an experiment, a notebook
     * comparing models) generates each set once: the same arguments give the same samples, and the sets are
     * small (a few MB of PNG bytes).
     */
    private static final Map<GeneratedKey, List<Sample>> GENERATED = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<GeneratedKey, List<Sample>> eldest) {
            return size() > 4;
        }
    };

    /**
     * Reads samples from shard specs, recording unreadable ones.
     *
     * @param specs the specs
     * @param limit the maximum number read
     * @param skips receives the samples left out
     * @return the samples
     * @throws IOException when the shards cannot be read
     */
    public static List<Sample> shards(List<String> specs, int limit, SkipLog skips) throws IOException {
        List<Sample> out = new ArrayList<>();
        try (SampleStream s = Datasets.open(Datasets.resolve(specs), skips)) {
            for (Sample x : s) {
                if (out.size() >= limit) {
                    break;
                }
                out.add(x);
            }
        }
        return out;
    }

    /**
     * Labelled images from samples whose metadata has {@code truth.class} (mini-LAION); others are skipped.
     *
     * @param samples the samples
     * @return decoded images with their class
     */
    public static List<LabelledImage> labelled(List<Sample> samples) {
        return labelled(samples, new SkipLog());
    }

    /**
     * Labelled images from samples whose metadata has {@code truth.class}, recording undecodable images.
     *
     * @param samples the samples
     * @param skips receives the images left out
     * @return decoded images with their class
     */
    public static List<LabelledImage> labelled(List<Sample> samples, SkipLog skips) {
        ImageDecoder dec = ImageDecoder.defaults();
        List<LabelledImage> out = new ArrayList<>();
        for (Sample s : samples) {
            var truth = s.metadata().getAsJsonObject("truth");
            if (truth == null || !truth.has("class")) {
                continue;
            }
            try {
                out.add(new LabelledImage(dec.decode(s), truth.get("class").getAsString()));
            } catch (IOException e) {
                skips.add(new Skipped(s.key(), s.source(), "undecodable", e.getMessage()));
            }
        }
        return out;
    }

    /**
     * Reads an ImageNet-layout folder, recording the images that cannot be decoded.
     *
     * @param root the folder
     * @param perClass the maximum images per class (unreadable ones count towards it)
     * @param skips receives the images left out
     * @return labelled images, classes in name order
     * @throws IOException when the folder has no class sub-folders with readable images
     */
    public static List<LabelledImage> imageFolder(Path root, int perClass, SkipLog skips) throws IOException {
        List<LabelledImage> out = new ArrayList<>();
        List<Path> classes;
        try (Stream<Path> s = Files.list(root)) {
            classes = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path c : classes) {
            List<Path> files;
            try (Stream<Path> s = Files.list(c)) {
                files = s.filter(Files::isRegularFile)
                        .filter(EvalData::isImage)
                        .sorted()
                        .limit(perClass)
                        .toList();
            }
            String label = c.getFileName().toString().replace('_', ' ');
            for (Path f : files) {
                try {
                    BufferedImage img = ImageIO.read(f.toFile());
                    if (img == null) {
                        skips.add(new Skipped(
                                f.getFileName().toString(),
                                f.toString(),
                                "undecodable",
                                "no image reader for this file"));
                    } else {
                        out.add(new LabelledImage(img, label));
                    }
                } catch (IOException | RuntimeException e) {
                    skips.add(new Skipped(
                            f.getFileName().toString(), f.toString(), "undecodable", String.valueOf(e.getMessage())));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException(
                    root + ": no class sub-folders with images (expected ImageNet layout root/CLASS/*.jpg)");
        }
        return out;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg")
                || n.endsWith(".jpeg")
                || n.endsWith(".png")
                || n.endsWith(".webp")
                || n.endsWith(".bmp");
    }
}
