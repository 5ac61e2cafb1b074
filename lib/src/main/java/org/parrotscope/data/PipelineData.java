package org.parrotscope.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The data a pipeline run reads: the user's shards when a {@code DATA} spec is given (img2dataset tar
 * shards, a glob or brace range of them, or an image folder with captions; see {@link Datasets}), else
 * the mini-LAION an earlier notebook generated, else a fallback sample. Whether the data carries the
 * generator's ground truth ({@code truth} in each sample's {@code .json}) decides which steps can run:
 * those that compare with the truth say so through {@link #skipped} and are left out on other data.
 *
 * @param source what was read, for a reader: the spec, or the folder
 * @param shards the shards, in order
 * @param userData true when the shards come from a {@code DATA} spec
 * @param hasTruth true when the first sample carries a {@code truth} object
 */
public record PipelineData(String source, List<Shard> shards, boolean userData, boolean hasTruth) {

    /** The name of the parameter holding the user's shard spec. */
    public static final String PARAMETER = "DATA";

    /** Validates and copies the fields. */
    public PipelineData {
        Objects.requireNonNull(source, "source");
        shards = List.copyOf(shards);
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shards in " + source);
        }
    }

    /**
     * Chooses the data of a run.
     *
     * @param spec the user's shard spec ({@code DATA}); blank for none
     * @param generated the folder an earlier notebook generated shards into, used when it exists
     * @param fallback the folder read otherwise (e.g. the committed {@code data-samples/mini-laion})
     * @return the data
     * @throws IOException when the spec matches nothing or the first shard cannot be read, naming it
     */
    public static PipelineData choose(String spec, Path generated, Path fallback) throws IOException {
        if (spec != null && !spec.isBlank()) {
            return of(spec.strip(), true);
        }
        Path dir = (Files.isDirectory(generated) ? generated : fallback)
                .toAbsolutePath()
                .normalize();
        return of(dir.toString(), false);
    }

    /**
     * @param spec a shard spec (or several, comma-separated)
     * @param userData whether it is the user's
     * @return the data
     * @throws IOException when the spec matches nothing or the first shard cannot be read, naming it
     */
    public static PipelineData of(String spec, boolean userData) throws IOException {
        List<String> specs = List.of(spec.split(",")).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        List<Shard> shards = Datasets.resolve(specs);
        return new PipelineData(spec, shards, userData, firstHasTruth(shards));
    }

    private static boolean firstHasTruth(List<Shard> shards) {
        try (SampleStream s = Datasets.open(shards, new SkipLog())) {
            Iterator<Sample> it = s.iterator();
            if (!it.hasNext()) {
                return false;
            }
            Sample first = it.next();
            return first.metadata().has("truth")
                    && first.metadata().get("truth").isJsonObject();
        }
    }

    /**
     * @param step what is left out, e.g. "Table 1 on the ground truth"
     * @return the line a notebook shows in place of a step that needs the ground truth
     */
    public String skipped(String step) {
        return "skipped: " + step + " needs the generator's ground truth ('truth' in each sample's .json), and "
                + source + " has none";
    }

    /** @return one line: what is read, how many shards, and whether it has ground truth */
    public String describe() {
        return (userData ? "your data " : "") + source + ": " + shards.size() + " shard(s), "
                + (hasTruth ? "with" : "without") + " ground truth";
    }

    @Override
    public String toString() {
        return describe();
    }
}
