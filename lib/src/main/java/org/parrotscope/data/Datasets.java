package org.parrotscope.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the shards of a dataset from command-line style specs, and streams a whole dataset.
 *
 * <p>A spec is one of: a tar shard ({@code shards/00000.tar}, also {@code .tar.gz}); a glob
 * ({@code shards/*.tar}); a brace range or list ({@code shards/{00000..00009}.tar}); a folder holding
 * {@code captions.jsonl} or {@code captions.csv} (an image folder, one shard); or a folder of
 * {@code .tar} shards. Each spec's matches are sorted; specs keep their order; a shard named twice is
 * read once.
 */
public final class Datasets {

    private Datasets() {}

    /**
     * Resolves specs with the default {@link ReadOptions}.
     *
     * @param specs the specs
     * @return the shards, in a stable order
     * @throws IOException when a spec matches nothing, naming it
     */
    public static List<Shard> resolve(List<String> specs) throws IOException {
        return resolve(specs, ReadOptions.defaults());
    }

    /**
     * Resolves specs.
     *
     * @param specs the specs
     * @param options how the shards will read samples
     * @return the shards, in a stable order
     * @throws IOException when a spec matches nothing or a folder has neither captions nor shards, naming it
     */
    public static List<Shard> resolve(List<String> specs, ReadOptions options) throws IOException {
        if (specs.isEmpty()) {
            throw new IOException(
                    "no dataset given: name .tar shards, a glob or brace range of shards, or an image folder with captions.csv/captions.jsonl");
        }
        Map<Path, Shard> shards = new LinkedHashMap<>();
        for (String spec : specs) {
            List<Shard> found = new ArrayList<>();
            for (String expanded : ShardSpecs.braces(spec)) {
                if (ShardSpecs.isGlob(expanded)
                        && !Files.exists(Path.of(expanded))) { // a file literally named "a[1].tar" is not a glob
                    for (Path p : ShardSpecs.glob(expanded)) {
                        Shard s = fromGlobMatch(p, options);
                        if (s != null) {
                            found.add(s);
                        }
                    }
                } else {
                    Path p = Path.of(expanded);
                    if (!Files.exists(p)) {
                        if (!expanded.equals(spec)) {
                            throw new IOException("dataset spec " + spec + ": " + expanded + " does not exist");
                        }
                        continue;
                    }
                    found.addAll(fromExplicit(p, spec, options));
                }
            }
            if (found.isEmpty()) {
                throw new IOException("dataset spec " + spec + " matches no shard or image folder");
            }
            found.sort((a, b) -> a.path().compareTo(b.path()));
            for (Shard s : found) {
                shards.putIfAbsent(s.path().toAbsolutePath().normalize(), s);
            }
        }
        return List.copyOf(shards.values());
    }

    private static List<Shard> fromExplicit(Path p, String spec, ReadOptions options) throws IOException {
        if (Files.isDirectory(p)) {
            Path table = FolderShard.findTable(p);
            if (table != null) {
                return List.of(new FolderShard(p, table, options));
            }
            try (Stream<Path> files = Files.list(p)) {
                List<Shard> tars = files.filter(Datasets::isTar)
                        .sorted()
                        .map(f -> (Shard) new TarShard(f, options))
                        .toList();
                if (tars.isEmpty()) {
                    throw new IOException(
                            "dataset folder " + spec + " has no captions.jsonl, captions.csv or .tar shards");
                }
                return tars;
            }
        }
        return List.of(new TarShard(p, options)); // a file named explicitly is read as a tar, whatever its name
    }

    /** A glob match: tars and image folders; other files (e.g. img2dataset's .parquet, _stats.json) are passed over. */
    private static Shard fromGlobMatch(Path p, ReadOptions options) {
        if (Files.isDirectory(p)) {
            Path table = FolderShard.findTable(p);
            return table == null ? null : new FolderShard(p, table, options);
        }
        return isTar(p) ? new TarShard(p, options) : null;
    }

    private static boolean isTar(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".tar") || n.endsWith(".tar.gz") || n.endsWith(".tgz"));
    }

    /**
     * Streams every sample of the shards in order, opening each shard when the previous one ends. A key
     * seen in an earlier shard is skipped as {@code duplicate_key} (the first one is kept).
     *
     * @param shards the shards
     * @param skips receives skipped samples and warnings
     * @return the stream; close it
     * @throws UncheckedIOException while iterating, when a shard cannot be opened at all
     */
    public static SampleStream open(List<Shard> shards, SkipLog skips) {
        Chain chain = new Chain(List.copyOf(shards), skips);
        return SampleStream.of(chain, chain::closeCurrent);
    }

    private static final class Chain extends LookAhead<Sample> {
        private final List<Shard> shards;
        private final SkipLog skips;
        private final Set<String> seen = new HashSet<>();
        private int index;
        private SampleStream current;
        private Iterator<Sample> it;

        Chain(List<Shard> shards, SkipLog skips) {
            this.shards = shards;
            this.skips = skips;
        }

        @Override
        protected Sample advance() {
            if (it != null && it.hasNext()) {
                Sample s = it.next();
                if (seen.add(s.key())) {
                    return s;
                }
                skips.add(new Skipped(
                        s.key(),
                        s.source(),
                        "duplicate_key",
                        "key " + s.key() + " appeared in an earlier shard; the first one is kept"));
                return null;
            }
            closeCurrent();
            if (index >= shards.size()) {
                end();
                return null;
            }
            Shard shard = shards.get(index++);
            try {
                current = shard.open(skips);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
            it = current.iterator();
            return null;
        }

        void closeCurrent() {
            if (current != null) {
                current.close();
                current = null;
                it = null;
            }
        }
    }
}
