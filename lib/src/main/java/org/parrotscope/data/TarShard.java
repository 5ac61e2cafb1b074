package org.parrotscope.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * A WebDataset shard: a tar file whose consecutive entries {@code <key>.<ext>} form one sample each
 * (img2dataset layout: {@code 000000123.jpg}, {@code 000000123.txt}, {@code 000000123.json}).
 * Gzip-compressed shards ({@code .tar.gz}, {@code .tgz}) are read too; their damage offsets count
 * uncompressed bytes.
 */
final class TarShard implements Shard {

    private final Path path;
    private final ReadOptions options;

    TarShard(Path path, ReadOptions options) {
        this.path = Objects.requireNonNull(path, "path");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String name() {
        String n = path.getFileName().toString();
        for (String suffix : new String[] {".tar.gz", ".tgz", ".tar"}) {
            if (n.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                return n.substring(0, n.length() - suffix.length());
            }
        }
        return n;
    }

    @Override
    public SampleStream open(SkipLog skips) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException(
                    "cannot open shard " + path + ": " + (Files.exists(path) ? "not a regular file" : "no such file"));
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz") || lower.endsWith(".tgz")) {
            try {
                in = new GZIPInputStream(in, 1 << 16);
            } catch (IOException e) {
                in.close();
                throw new IOException("cannot open shard " + path + ": not gzip data (" + e.getMessage() + ")", e);
            }
        }
        InputStream stream = in;
        return SampleStream.of(
                new TarSampleIterator(new TarReader(stream), path.toString(), options, skips), stream::close);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
