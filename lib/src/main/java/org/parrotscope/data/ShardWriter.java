package org.parrotscope.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.parrotscope.util.Json;

/**
 * Writes a WebDataset tar shard in img2dataset's layout: per sample the entries {@code <key>.<imageExt>},
 * {@code <key>.txt} (caption, UTF-8) and {@code <key>.json} (metadata, compact JSON), in that order.
 *
 * <p>The archive is plain POSIX ustar, byte-for-byte deterministic so that the same samples always give the
 * same shard: every header has mode {@code 0644}, uid/gid 0, empty user and group names (readers then show
 * the numeric ids {@code 0/0}), mtime 0 (1970-01-01), type regular file. Data is padded to 512-byte blocks,
 * the archive ends with two zero blocks and is padded with zeros to a multiple of 10240 bytes (20 blocks),
 * exactly as GNU tar and Python's {@code tarfile} pad their own output with the default blocking factor.
 *
 * <p>The shard is written to a hidden temporary sibling and renamed onto {@code tarFile} by {@link #close()},
 * so a reader never sees a half-written shard. {@link #abort()} discards it instead. Not thread-safe.
 */
public final class ShardWriter implements AutoCloseable {

    /** Tar block size. */
    static final int BLOCK = 512;
    /** GNU tar's and Python's default record size (blocking factor 20). */
    static final int RECORD = 20 * BLOCK;
    /** The ustar name field length; longer names would need GNU or pax extensions, which we do not write. */
    static final int MAX_NAME_BYTES = 100;

    private static final byte[] ZEROS = new byte[RECORD];

    private final Path target;
    private final Path tmp;
    private final FileChannel channel;
    private final OutputStream out;
    private final Set<String> names = new HashSet<>();
    private long written;
    private long samples;
    private boolean finished;

    private ShardWriter(Path target, Path tmp, FileChannel channel) {
        this.target = target;
        this.tmp = tmp;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /**
     * Opens a writer; parent folders are created. An existing {@code tarFile} is replaced only on {@link #close()}.
     *
     * @param tarFile the shard to write, e.g. {@code out/00000.tar}
     * @return the writer
     * @throws IOException when the temporary file cannot be created
     */
    public static ShardWriter open(Path tarFile) throws IOException {
        Path abs = tarFile.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        // created with the user's umask, so a published shard is as readable as any file the user makes
        Path tmp = org.parrotscope.util.AtomicFiles.createTempSibling(abs);
        return new ShardWriter(abs, tmp, FileChannel.open(tmp, StandardOpenOption.WRITE));
    }

    /**
     * Appends one sample as its image, caption and metadata entries.
     *
     * @param s the sample; its key must be non-empty without {@code '.'}, {@code '/'} or NUL, and
     *     {@code <key>.<imageExt>} must fit the 100-byte ustar name field
     * @throws IOException when writing fails, or {@link IllegalArgumentException} for an invalid or duplicate key
     */
    public void write(Sample s) throws IOException {
        String key = s.key();
        if (key.isEmpty() || key.indexOf('.') >= 0 || key.indexOf('/') >= 0 || key.indexOf('\0') >= 0) {
            // a key is the file name up to its first dot (img2dataset), so it cannot itself contain one
            throw new IllegalArgumentException(
                    "sample key '" + key + "' for " + target + " must be non-empty and contain no '.', '/' or NUL");
        }
        if (s.imageExt().isEmpty() || s.imageExt().indexOf('/') >= 0) {
            throw new IllegalArgumentException("sample " + key + ": invalid image extension '" + s.imageExt() + "'");
        }
        String imageName = key + "." + s.imageExt();
        checkName(imageName);
        checkName(key + ".json"); // also covers ".txt"
        writeEntry(imageName, s.imageBytes());
        writeEntry(key + ".txt", s.caption().getBytes(StandardCharsets.UTF_8));
        writeEntry(key + ".json", Json.COMPACT.toJson(s.metadata()).getBytes(StandardCharsets.UTF_8));
        samples++;
    }

    /**
     * Appends one regular-file entry with an arbitrary name (e.g. an extra {@code .cls} file).
     *
     * @param name the entry name, at most 100 UTF-8 bytes, unique within the shard
     * @param content the file content
     * @throws IOException when writing fails, or {@link IllegalArgumentException} for an invalid or duplicate name
     */
    public void writeEntry(String name, byte[] content) throws IOException {
        checkName(name);
        if (!names.add(name)) {
            throw new IllegalArgumentException("duplicate tar entry '" + name + "' in " + target);
        }
        if (finished) {
            throw new IllegalStateException("shard writer for " + target + " is closed");
        }
        try {
            out.write(TarHeader.regularFile(name, content.length));
            out.write(content);
            int pad = (BLOCK - content.length % BLOCK) % BLOCK;
            out.write(ZEROS, 0, pad);
            written += BLOCK + content.length + pad;
        } catch (IOException e) {
            abort();
            throw new IOException("cannot write " + name + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private void checkName(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("tar entry name '" + name + "' is " + bytes
                    + " bytes; ustar allows at most " + MAX_NAME_BYTES + " (shorten the sample key) in " + target);
        }
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid tar entry name '" + name + "' in " + target);
        }
    }

    /** @return the number of samples written so far */
    public long samples() {
        return samples;
    }

    /** @return the final path of the shard */
    public Path path() {
        return target;
    }

    /** Discards the shard: the temporary file is deleted and the target left unchanged. Idempotent. */
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // the file is deleted anyway
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // a stray hidden .tmp is harmless; the target is untouched
        }
    }

    /**
     * Finishes the archive (two zero blocks, padding to 10240 bytes), syncs it and renames it onto the target.
     *
     * @throws IOException when finishing or renaming fails; the target is then unchanged
     */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        try {
            long end = written + 2L * BLOCK;
            long padded = (end + RECORD - 1) / RECORD * RECORD;
            long zeros = padded - written;
            while (zeros > 0) {
                int n = (int) Math.min(zeros, RECORD);
                out.write(ZEROS, 0, n);
                zeros -= n;
            }
            out.flush();
            channel.force(true);
            out.close();
            finished = true;
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            finished = false;
            abort();
            throw new IOException("cannot finish shard " + target + ": " + e.getMessage(), e);
        }
    }
}
