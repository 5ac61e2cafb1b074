package org.parrotscope.spark;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/**
 * One shard's Parquet file on any Hadoop filesystem: written whole to a hidden temporary name and renamed into
 * place, so a reader sees either no file or a complete one; a file found again is complete when its footer
 * parses and its row count equals the count recorded in the footer ({@link SampleSchema#ROWS_KEY}).
 */
final class ShardParquet {

    private ShardParquet() {}

    /**
     * @param out the output folder
     * @param shard the shard name
     * @return {@code <out>/<shard>.parquet}
     */
    static Path target(Path out, String shard) {
        return new Path(out, shard + ".parquet");
    }

    /**
     * Checks a finished file.
     *
     * @param file the file
     * @param conf the Hadoop configuration
     * @return null when complete, else why not (missing, unreadable footer, wrong count or schema version)
     */
    static String damage(Path file, Configuration conf) {
        try {
            FileSystem fs = file.getFileSystem(conf);
            if (!fs.exists(file)) {
                return "missing";
            }
            try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
                Map<String, String> kv = r.getFooter().getFileMetaData().getKeyValueMetaData();
                if (!SampleSchema.VERSION.equals(kv.get(SampleSchema.VERSION_KEY))) {
                    return "schema version " + kv.get(SampleSchema.VERSION_KEY) + ", expected " + SampleSchema.VERSION;
                }
                String rows = kv.get(SampleSchema.ROWS_KEY);
                if (rows == null || Long.parseLong(rows) != r.getRecordCount()) {
                    return "holds " + r.getRecordCount() + " rows, its footer records " + rows;
                }
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /**
     * Writes the rows to a temporary file beside the target and renames it into place. When another attempt
     * of the same task renamed its file first, that file is kept (both hold the same rows).
     *
     * @param target the final file
     * @param attempt a name unique to this task attempt
     * @param rows the rows, in shard order
     * @param conf the Hadoop configuration
     * @throws IOException when the file cannot be written
     */
    static void write(Path target, String attempt, List<Group> rows, Configuration conf) throws IOException {
        FileSystem fs = target.getFileSystem(conf);
        if (fs instanceof LocalFileSystem local) {
            // no .crc side files next to the outputs
            local.setWriteChecksum(false);
        }
        fs.mkdirs(target.getParent());
        Path tmp = new Path(target.getParent(), "." + target.getName() + "." + attempt + ".tmp");
        try {
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(tmp, conf))
                    .withConf(conf)
                    .withType(SampleSchema.SCHEMA)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withExtraMetaData(Map.of(
                            SampleSchema.ROWS_KEY,
                            Long.toString(rows.size()),
                            SampleSchema.VERSION_KEY,
                            SampleSchema.VERSION))
                    .build()) {
                for (Group g : rows) {
                    w.write(g);
                }
            }
            if (fs.exists(target) && damage(target, conf) != null) {
                fs.delete(target, false);
            }
            if (!fs.rename(tmp, target) && damage(target, conf) != null) {
                throw new IOException("cannot rename " + tmp + " to " + target);
            }
        } finally {
            fs.delete(tmp, false);
        }
    }
}
