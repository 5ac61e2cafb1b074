package org.parrotscope.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * One per-shard Parquet table of ParrotScope (OCR samples, CLIP scores, ablation scores): its schema, name and
 * version, and the one way every command writes and checks its files, on this machine or on a Spark executor.
 *
 * <p>A file carries three footer entries: {@link #TABLE_KEY} (the table name), {@link #VERSION_KEY} (the schema
 * version) and {@link #ROWS_KEY} (the number of rows written). A file found again is complete when its footer
 * parses, names this table and version, and its row count equals the recorded one; anything else (truncated,
 * emptied, another table, an older schema) is damaged and redone.
 *
 * @param name the table name, e.g. {@code sample}
 * @param version the schema version; bump it when columns change
 * @param schema the Parquet schema
 */
public record ParquetTable(String name, String version, MessageType schema) {

    /** Footer entry holding the number of rows. */
    public static final String ROWS_KEY = "parrotscope.rows";

    /** Footer entry holding the schema version. */
    public static final String VERSION_KEY = "parrotscope.schema";

    /** Footer entry holding the table name. */
    public static final String TABLE_KEY = "parrotscope.table";

    /** Validates the fields. */
    public ParquetTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(schema, "schema");
    }

    /**
     * The rows of one shard and what could not become a row.
     *
     * @param rows the rows, in shard order
     * @param failed rows that record a failure (their {@code error} column says why)
     * @param dropped samples with no row (unreadable entries, skipped samples)
     */
    public record Rows(List<Group> rows, long failed, long dropped) {
        /** Copies the list. */
        public Rows {
            rows = List.copyOf(rows);
        }
    }

    /** @return a factory of empty rows of this schema */
    public SimpleGroupFactory factory() {
        return new SimpleGroupFactory(schema);
    }

    /**
     * Writes rows to a file, replacing it (Snappy, the footer entries of this table).
     *
     * @param file where to write (a local file, or a Hadoop file on a Spark executor)
     * @param conf the Parquet settings
     * @param rows the rows
     * @throws IOException when the file cannot be written
     */
    public void write(OutputFile file, ParquetConfiguration conf, List<Group> rows) throws IOException {
        write(file, conf, rows, Map.of());
    }

    /**
     * Writes rows to a file, replacing it, with more footer entries (e.g. where the rows came from).
     *
     * @param file where to write (a local file, or a Hadoop file on a Spark executor)
     * @param conf the Parquet settings
     * @param rows the rows
     * @param extra footer entries besides this table's three; their keys must not be those three
     * @throws IOException when the file cannot be written
     */
    public void write(OutputFile file, ParquetConfiguration conf, List<Group> rows, Map<String, String> extra)
            throws IOException {
        Map<String, String> footer = new java.util.HashMap<>(extra);
        for (String key : List.of(TABLE_KEY, VERSION_KEY, ROWS_KEY)) {
            if (footer.containsKey(key)) {
                throw new IllegalArgumentException("footer entry " + key + " is the table's own");
            }
        }
        footer.put(TABLE_KEY, name);
        footer.put(VERSION_KEY, version);
        footer.put(ROWS_KEY, Long.toString(rows.size()));
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(file)
                .withConf(conf)
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withExtraMetaData(footer)
                .build()) {
            for (Group g : rows) {
                w.write(g);
            }
        }
    }

    /**
     * Writes a local file atomically: to a temporary sibling, then renamed into place (with the user's umask).
     *
     * @param target the file
     * @param rows the rows
     * @throws IOException when it cannot be written
     */
    public void writeAtomically(java.nio.file.Path target, List<Group> rows) throws IOException {
        writeAtomically(target, rows, Map.of());
    }

    /**
     * Writes a local file atomically with more footer entries ({@link #write(OutputFile, ParquetConfiguration,
     * List, Map)}).
     *
     * @param target the file
     * @param rows the rows
     * @param extra footer entries besides this table's three
     * @throws IOException when it cannot be written
     */
    public void writeAtomically(java.nio.file.Path target, List<Group> rows, Map<String, String> extra)
            throws IOException {
        java.nio.file.Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        java.nio.file.Path tmp = AtomicFiles.createTempSibling(abs);
        try {
            write(new LocalOutputFile(tmp), new PlainParquetConfiguration(), rows, extra);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Checks a finished file.
     *
     * @param file the file (it exists)
     * @param conf the Parquet settings
     * @return null when complete, else why not
     */
    public String damage(InputFile file, ParquetConfiguration conf) {
        try (ParquetFileReader r =
                ParquetFileReader.open(file, ParquetReadOptions.builder(conf).build())) {
            Map<String, String> kv = r.getFooter().getFileMetaData().getKeyValueMetaData();
            if (!name.equals(kv.get(TABLE_KEY))) {
                return "holds table " + kv.get(TABLE_KEY) + ", expected " + name;
            }
            if (!version.equals(kv.get(VERSION_KEY))) {
                return "schema version " + kv.get(VERSION_KEY) + ", expected " + version;
            }
            String rows = kv.get(ROWS_KEY);
            if (rows == null || Long.parseLong(rows) != r.getRecordCount()) {
                return "holds " + r.getRecordCount() + " rows, its footer records " + rows;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /**
     * Checks a local file.
     *
     * @param file the file
     * @return null when complete, {@code missing} when absent, else why it is damaged
     */
    public String damage(java.nio.file.Path file) {
        if (!Files.isRegularFile(file)) {
            return "missing";
        }
        return damage(new LocalInputFile(file), new PlainParquetConfiguration());
    }

    /**
     * The footer entries of a complete local file: this table's three ({@link #ROWS_KEY} holds the row count) and
     * those its writer added.
     *
     * @param file the file
     * @return the entries
     * @throws IOException naming the file when it is not a complete file of this table
     */
    public Map<String, String> footer(java.nio.file.Path file) throws IOException {
        String why = damage(file);
        if (why != null) {
            throw new IOException(file + ": not a complete " + name + " table: " + why);
        }
        try (ParquetFileReader r = ParquetFileReader.open(
                new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            return Map.copyOf(r.getFooter().getFileMetaData().getKeyValueMetaData());
        }
    }

    /**
     * Reads a local file of this table.
     *
     * @param file the file
     * @return its rows, in order
     * @throws IOException naming the file when it cannot be read or is not complete
     */
    public List<Group> read(java.nio.file.Path file) throws IOException {
        String why = damage(file);
        if (why != null) {
            throw new IOException(file + ": not a complete " + name + " table: " + why);
        }
        List<Group> rows = new ArrayList<>();
        try (ParquetReader<Group> r = new GroupReader(new LocalInputFile(file)).build()) {
            for (Group g = r.read(); g != null; g = r.read()) {
                rows.add(g);
            }
        }
        return rows;
    }

    /** Parquet's reader of example {@link Group}s over an {@link InputFile} (no Hadoop filesystem). */
    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(InputFile file) {
            super(file, new PlainParquetConfiguration());
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
