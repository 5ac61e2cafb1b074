package org.parrotscope.util;

import com.google.gson.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The durable output of one shard of a long run (OCR, scoring): a line-per-record file that resumed runs can
 * trust. Three files live side by side:
 *
 * <ul>
 *   <li>{@code <name>}: the finished output, written atomically once the shard is done;
 *   <li>{@code <name>.done}: its completion record ({@code records}, {@code sha256}), written after it, so a
 *       finished output that was later truncated, emptied or edited is recognised as damaged and redone;
 *   <li>{@code .<name>.journal}: the records of an unfinished shard, appended and flushed as they are made, so
 *       a killed run loses only the records in flight; forced to disk at most every {@link #SYNC_SECONDS}.
 * </ul>
 *
 * <p>A record is one line; the caller's validator decides whether a line is a valid record (it throws when
 * not). A journal's torn or invalid tail is dropped on recovery.
 */
public final class ShardOutput {

    /** At most this many seconds of journal lines live only in the operating system's cache. */
    public static final int SYNC_SECONDS = 30;

    private final Path target;
    private final Path marker;
    private final Path journal;

    private ShardOutput(Path target) {
        this.target = target.toAbsolutePath();
        this.marker = this.target.resolveSibling(this.target.getFileName() + ".done");
        this.journal = this.target.resolveSibling("." + this.target.getFileName() + ".journal");
    }

    /**
     * @param target the finished output file, e.g. {@code out/00000.jsonl}
     * @return its durable output
     */
    public static ShardOutput of(Path target) {
        return new ShardOutput(target);
    }

    /** @return the finished output file */
    public Path target() {
        return target;
    }

    /** @return the completion record beside it */
    public Path marker() {
        return marker;
    }

    /** @return the journal of an unfinished shard */
    public Path journal() {
        return journal;
    }

    /**
     * A finished output's completion record.
     *
     * @param records its record count
     * @param sha256 its SHA-256, hexadecimal
     */
    public record Completion(long records, String sha256) {}

    /**
     * Reads the completion record of a finished output.
     *
     * @return the record
     * @throws IOException naming the file when it is missing or is not a completion record
     */
    public Completion completion() throws IOException {
        String text = Files.readString(marker, StandardCharsets.UTF_8);
        try {
            JsonObject m = Json.parse(text).getAsJsonObject();
            return new Completion(m.get("records").getAsLong(), m.get("sha256").getAsString());
        } catch (RuntimeException e) {
            throw new IOException(marker + ": not a completion record: " + e.getMessage(), e);
        }
    }

    /** What a resumed run finds for a shard. */
    public enum State {
        /** No finished output. */
        MISSING,
        /** A finished output that matches its completion record (or, without one, whose every line is valid). */
        COMPLETE,
        /** A finished output that must be redone; {@link Check#reason()} says why. */
        DAMAGED
    }

    /**
     * The result of {@link #check}.
     *
     * @param state what was found
     * @param reason why a damaged output is damaged; empty otherwise
     */
    public record Check(State state, String reason) {
        /** Validates the fields. */
        public Check {
            java.util.Objects.requireNonNull(state, "state");
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * Checks a finished output. With a completion record, the file's size, SHA-256 and line count must match
     * it. Without one (outputs of older runs, or a kill between the output and its record), every line must
     * be a valid record, and then the completion record is written.
     *
     * @param validator throws when a line is not a valid record
     * @return what was found
     * @throws IOException when the files cannot be read
     */
    public Check check(Consumer<String> validator) throws IOException {
        removeStaleTemporaries();
        if (!Files.isRegularFile(target)) {
            return new Check(State.MISSING, "");
        }
        if (Files.isRegularFile(marker)) {
            JsonObject m;
            try {
                m = Json.parse(Files.readString(marker, StandardCharsets.UTF_8)).getAsJsonObject();
                m.get("sha256").getAsString();
                m.get("records").getAsLong();
            } catch (RuntimeException e) {
                return new Check(State.DAMAGED, marker.getFileName() + " is not a completion record");
            }
            Digest d = digest(target);
            if (!d.sha256().equals(m.get("sha256").getAsString())) {
                return new Check(
                        State.DAMAGED,
                        "its SHA-256 differs from " + marker.getFileName() + " (" + d.lines() + " records, "
                                + m.get("records").getAsLong() + " when finished)");
            }
            return new Check(State.COMPLETE, "");
        }
        List<String> lines = Files.readAllLines(target, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return new Check(State.DAMAGED, "it is empty and has no completion record");
        }
        for (int i = 0; i < lines.size(); i++) {
            try {
                validator.accept(lines.get(i));
            } catch (RuntimeException e) {
                return new Check(State.DAMAGED, "line " + (i + 1) + " is not a valid record: " + e.getMessage());
            }
        }
        writeMarker(lines.size());
        return new Check(State.COMPLETE, "");
    }

    /**
     * Deletes the temporary siblings ({@link AtomicFiles#createTempSibling}) of this shard's output, completion
     * record and journal that a killed run left behind: a run checks a shard before it writes any of them, so
     * none can belong to a live writer.
     */
    private void removeStaleTemporaries() throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        List<String> prefixes = List.of(
                "." + target.getFileName() + ".", "." + marker.getFileName() + ".", "." + journal.getFileName() + ".");
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (n.endsWith(".tmp")
                        && prefixes.stream()
                                .anyMatch(pre -> n.startsWith(pre)
                                        && n.substring(pre.length(), n.length() - 4)
                                                .matches("[0-9a-z]+"))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * The valid records of an unfinished shard's journal, in order: reading stops at the first line that is
     * torn (no newline) or invalid, so what follows a damaged line is redone too.
     *
     * @param validator throws when a line is not a valid record
     * @return the recovered lines; empty without a journal
     * @throws IOException when the journal cannot be read
     */
    public List<String> recover(Consumer<String> validator) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(journal);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            String line = text.substring(start, nl);
            start = nl + 1;
            try {
                validator.accept(line);
            } catch (RuntimeException e) {
                break;
            }
            lines.add(line);
        }
        return lines;
    }

    /**
     * Starts (or restarts) the journal holding exactly {@code recovered}, ready for appending.
     *
     * @param recovered lines from {@link #recover}, or none for a fresh start
     * @return the journal writer; close it before {@link #complete} or {@link #discard}
     * @throws IOException when it cannot be written
     */
    public Journal openJournal(List<String> recovered) throws IOException {
        Files.createDirectories(journal.getParent());
        Path tmp = AtomicFiles.createTempSibling(journal);
        try {
            StringBuilder text = new StringBuilder();
            recovered.forEach(l -> text.append(l).append('\n'));
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, journal, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Journal(FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    /**
     * Finishes the shard: writes the output atomically, then its completion record, then drops the journal.
     *
     * @param writer writes the output's lines
     * @throws IOException when writing fails; a later run then finds the journal or no output
     */
    public void complete(AtomicFiles.Writer writer) throws IOException {
        AtomicFiles.write(target, writer);
        writeMarker(digest(target).lines());
        Files.deleteIfExists(journal);
    }

    /**
     * Removes every file of this shard's output (before redoing it).
     *
     * @throws IOException when a file cannot be removed
     */
    public void discard() throws IOException {
        Files.deleteIfExists(marker);
        Files.deleteIfExists(target);
        Files.deleteIfExists(journal);
    }

    private void writeMarker(long records) throws IOException {
        JsonObject m = new JsonObject();
        m.addProperty("records", records);
        m.addProperty("sha256", digest(target).sha256());
        try {
            AtomicFiles.writeString(marker, m + "\n");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private record Digest(String sha256, long lines) {}

    private static Digest digest(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        long lines = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new Digest(HexFormat.of().formatHex(md.digest()), lines);
    }

    /** Appends records to a journal: each is handed to the operating system at once, synced periodically. */
    public static final class Journal implements AutoCloseable {
        private final FileChannel channel;
        private final BufferedWriter writer;
        private long lastSync = System.nanoTime();

        private Journal(FileChannel channel) {
            this.channel = channel;
            this.writer = new BufferedWriter(
                    new java.io.OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
        }

        /**
         * Appends one record line (without its newline) and flushes it, so a killed process keeps it.
         *
         * @param line the record
         * @throws IOException when writing fails
         */
        public void append(String line) throws IOException {
            writer.write(line);
            writer.write('\n');
            writer.flush();
            if (System.nanoTime() - lastSync > SYNC_SECONDS * 1_000_000_000L) {
                channel.force(false);
                lastSync = System.nanoTime();
            }
        }

        @Override
        public void close() throws IOException {
            writer.flush();
            channel.force(false);
            writer.close();
        }
    }
}
