package org.parrotscope.data.synth;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.parrotscope.data.ShardWriter;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;

/**
 * Writes a mini-LAION data set as WebDataset shards {@code 00000.tar, 00001.tar, ...} (img2dataset's layout)
 * plus {@code synth-options.json} recording the options. Samples of a shard are generated in parallel and
 * written in index order, so the output does not depend on the number of threads. Each shard appears
 * atomically, so after an interruption every existing shard is complete: a resumed run keeps those shards
 * (when the options match) and generates only the missing ones.
 */
public final class MiniLaionWriter {

    /** The options file written next to the shards. */
    public static final String OPTIONS_FILE = "synth-options.json";

    private MiniLaionWriter() {}

    /**
     * @param shard the shard number
     * @return its file name, five digits: {@code 00042.tar}
     */
    public static String shardName(long shard) {
        return String.format("%05d.tar", shard);
    }

    /**
     * Generates and writes every shard, replacing existing ones.
     *
     * @param generator the generator (its config gives the sample count and shard size)
     * @param dir the output folder
     * @param progress advanced once per sample
     * @return the ground-truth statistics of the data set
     * @throws IOException when a shard cannot be written
     */
    public static GroundTruthStats write(MiniLaion generator, Path dir, Progress progress) throws IOException {
        return write(generator, dir, progress, false);
    }

    /**
     * Generates and writes the shards.
     *
     * @param generator the generator (its config gives the sample count and shard size)
     * @param dir the output folder
     * @param progress advanced once per sample
     * @param resume keep shards that already exist (their statistics are recomputed without rendering);
     *     the folder's options file must then match the generator's options
     * @return the ground-truth statistics of the whole data set
     * @throws IOException when a shard cannot be written, or resuming a folder made with other options
     */
    public static GroundTruthStats write(MiniLaion generator, Path dir, Progress progress, boolean resume)
            throws IOException {
        SynthConfig c = generator.config();
        JsonObject options = options(c);
        Path optionsFile = dir.resolve(OPTIONS_FILE);
        if (resume && Files.exists(optionsFile)) {
            JsonObject old = Json.parse(Files.readString(optionsFile, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            if (!old.equals(options)) {
                throw new IOException("cannot resume " + dir + ": it was made with other options " + old + " (now "
                        + options + "); use another output folder or run without --resume");
            }
        }
        AtomicFiles.write(
                optionsFile, out -> out.write((Json.PRETTY.toJson(options) + "\n").getBytes(StandardCharsets.UTF_8)));
        GroundTruthStats.Accumulator stats = new GroundTruthStats.Accumulator();
        for (long shard = 0; shard < c.shards(); shard++) {
            long from = shard * c.shardSize();
            long to = Math.min(c.samples(), from + c.shardSize());
            Path file = dir.resolve(shardName(shard));
            if (resume && Files.isRegularFile(file)) {
                for (long i = from; i < to; i++) {
                    MiniLaion.CaptionAndWords t = generator.captionAndWords(i);
                    stats.add(t.caption(), t.printed());
                }
                progress.advance(to - from);
                continue;
            }
            List<MiniLaion.Generated> samples = LongStream.range(from, to)
                    .parallel()
                    .mapToObj(i -> {
                        MiniLaion.Generated g = generator.generate(i);
                        progress.advance(1);
                        return g;
                    })
                    .toList();
            try (ShardWriter w = ShardWriter.open(file)) {
                for (MiniLaion.Generated g : samples) {
                    w.write(g.sample());
                    stats.add(g.sample().caption(), g.truth());
                }
            }
        }
        return stats.stats();
    }

    /**
     * Writes the generated images in ImageNet layout, {@code dir/<class>/<key>.<ext>}, for evaluation tools that
     * read class sub-folders ({@code parrotscope eval --image-folder}). The generator must be text-free
     * ({@code textRate} 0), so that the images are labelled by their object class alone. Existing files are kept
     * when {@code resume} is set, else replaced; each file is written atomically.
     *
     * @param generator a text-free generator
     * @param dir the output folder
     * @param progress advanced once per image
     * @param resume keep images that already exist
     * @return images per class, in class order
     * @throws IOException when an image cannot be written
     * @throws IllegalArgumentException when the generator prints text
     */
    public static Map<String, Integer> writeClassFolders(
            MiniLaion generator, Path dir, Progress progress, boolean resume) throws IOException {
        SynthConfig c = generator.config();
        if (c.textRate() != 0) {
            throw new IllegalArgumentException(
                    "class folders hold text-free concept images: text rate must be 0, not " + c.textRate());
        }
        JsonObject options = options(c);
        options.addProperty("layout", "class_folders");
        Files.createDirectories(dir);
        AtomicFiles.write(
                dir.resolve(OPTIONS_FILE),
                out -> out.write((Json.PRETTY.toJson(options) + "\n").getBytes(StandardCharsets.UTF_8)));
        Map<String, Integer> counts = new LinkedHashMap<>();
        MiniLaion.classes().forEach(k -> counts.put(k, 0));
        for (long from = 0; from < c.samples(); from += c.shardSize()) {
            List<MiniLaion.Generated> batch = LongStream.range(from, Math.min(c.samples(), from + c.shardSize()))
                    .parallel()
                    .mapToObj(i -> {
                        MiniLaion.Generated g =
                                existing(dir, MiniLaion.key(i), resume) == null ? generator.generate(i) : null;
                        progress.advance(1);
                        return g;
                    })
                    .toList();
            for (MiniLaion.Generated g : batch) {
                if (g == null) {
                    continue;
                }
                Path folder = Files.createDirectories(dir.resolve(g.truth().className()));
                byte[] bytes = g.sample().imageBytes();
                AtomicFiles.write(
                        folder.resolve(g.sample().key() + "." + g.sample().imageExt()), out -> out.write(bytes));
            }
        }
        for (String k : MiniLaion.classes()) {
            Path folder = dir.resolve(k);
            if (Files.isDirectory(folder)) {
                try (var files = Files.list(folder)) {
                    counts.put(k, (int)
                            files.filter(f -> !f.getFileName().toString().startsWith("."))
                                    .count());
                }
            }
        }
        return counts;
    }

    /** @return the existing image of a key in any class folder, or null (always null without resume) */
    private static Path existing(Path dir, String key, boolean resume) {
        if (!resume) {
            return null;
        }
        for (String k : MiniLaion.classes()) {
            for (String ext : List.of("png", "jpg")) {
                Path f = dir.resolve(k).resolve(key + "." + ext);
                if (Files.isRegularFile(f)) {
                    return f;
                }
            }
        }
        return null;
    }

    private static JsonObject options(SynthConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("generator", "parrotscope mini-laion");
        o.addProperty("seed", c.seed());
        o.addProperty("samples", c.samples());
        o.addProperty("shard_size", c.shardSize());
        o.addProperty("image_size", c.imageSize());
        o.addProperty("text_rate", c.textRate());
        o.addProperty("parrot_rate", c.parrotRate());
        o.addProperty("mixed_rate", c.mixedRate());
        o.addProperty("alt_text_rate", c.altTextRate());
        o.addProperty("sign_rate", c.signRate());
        if (c.textScale() != SynthConfig.DEFAULT_TEXT_SCALE) {
            o.addProperty("text_scale", c.textScale()); // absent at the default, so older folders still resume
        }
        o.addProperty("format", c.format());
        o.addProperty("jpeg_quality", Double.valueOf(Float.toString(c.jpegQuality()))); // 0.85, not 0.8500000238
        if (c.hard()) {
            o.addProperty("layout", "hard"); // absent for the standard layouts, so older folders still resume
        }
        return o;
    }
}
