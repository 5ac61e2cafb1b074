package org.parrotscope.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A folder of images with a captions table ({@code captions.jsonl} or {@code captions.csv}, see
 * {@link CaptionTable}). Image paths are relative to the folder; a sample's key is the image path up to
 * the first dot of its file name ({@code photos/cat.jpg} has key {@code photos/cat}). Images are read
 * one row at a time.
 */
final class FolderShard implements Shard {

    /** The captions table names looked for, in order of preference. */
    static final String[] TABLES = {"captions.jsonl", "captions.csv"};

    private final Path dir;
    private final Path table;
    private final ReadOptions options;

    FolderShard(Path dir, Path table, ReadOptions options) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.table = Objects.requireNonNull(table, "table");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return the captions table inside {@code dir}, or null when there is none */
    static Path findTable(Path dir) {
        for (String t : TABLES) {
            Path p = dir.resolve(t);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public Path path() {
        return dir;
    }

    @Override
    public String name() {
        Path f = dir.toAbsolutePath().normalize().getFileName();
        return f == null ? "root" : f.toString();
    }

    @Override
    public SampleStream open(SkipLog skips) throws IOException {
        if (!Files.isRegularFile(table)) {
            throw new IOException("cannot open dataset folder " + dir + ": no " + String.join(" or ", TABLES));
        }
        CaptionTable rows = new CaptionTable(table, dir.toString(), skips);
        return SampleStream.of(new Rows(rows, skips), rows);
    }

    @Override
    public String toString() {
        return dir.toString();
    }

    private final class Rows extends LookAhead<Sample> {
        private final CaptionTable rows;
        private final SkipLog skips;
        private final SampleAssembler assembler;
        private final Set<String> seen = new HashSet<>();

        Rows(CaptionTable rows, SkipLog skips) {
            this.rows = rows;
            this.skips = skips;
            this.assembler = new SampleAssembler(dir.toString(), options, skips);
        }

        @Override
        protected Sample advance() {
            try {
                CaptionTable.Row r = rows.next();
                if (r == null) {
                    end();
                    return null;
                }
                return toSample(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + table + ": " + e.getMessage(), e);
            }
        }

        private Sample toSample(CaptionTable.Row r) throws IOException {
            String source = dir.toString();
            if (r.image() == null || r.image().isBlank()) {
                skips.add(new Skipped(
                        "", source, "missing_image", table.getFileName() + " line " + r.line() + " names no image"));
                return null;
            }
            String rel = r.image().replace('\\', '/');
            String key = SampleNames.key(rel);
            if (seen.contains(key)) {
                skips.add(new Skipped(
                        key,
                        source,
                        "duplicate_key",
                        "line " + r.line() + ": key " + key + " appeared earlier; the first one is kept"));
                return null;
            }
            Path file = dir.resolve(rel);
            byte[] image;
            if (!Files.isRegularFile(file)) {
                skips.add(new Skipped(key, source, "missing_image", "line " + r.line() + ": no file " + file));
                return null;
            }
            long size = Files.size(file);
            if (size > options.maxEntryBytes()) {
                skips.add(new Skipped(
                        key,
                        source,
                        "too_large",
                        file + " has " + size + " bytes (limit " + options.maxEntryBytes() + ")"));
                return null;
            }
            try {
                image = Files.readAllBytes(file);
            } catch (IOException e) {
                skips.add(new Skipped(
                        key,
                        source,
                        "unreadable_file",
                        "line " + r.line() + ": cannot read " + file + ": " + e.getMessage()));
                return null;
            }
            r.metadata().addProperty("image", rel);
            Sample s = assembler.assemble(key, SampleNames.ext(rel), image, r.caption(), null, r.metadata());
            if (s != null) {
                seen.add(key);
            }
            return s;
        }
    }
}
