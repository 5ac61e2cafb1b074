package org.parrotscope.spark;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.parrotscope.util.ParquetTable;

/**
 * One shard's Parquet file on any Hadoop filesystem: written whole to a hidden temporary name and renamed into
 * place, so a reader sees either no file or a complete one; a file found again is complete when its footer
 * passes {@link ParquetTable#damage} (table, schema version, row count).
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
     * @param table the table it should hold
     * @param file the file
     * @param conf the Hadoop configuration
     * @return null when complete, {@code missing}, or why it is damaged
     */
    static String damage(ParquetTable table, Path file, Configuration conf) {
        try {
            if (!file.getFileSystem(conf).exists(file)) {
                return "missing";
            }
            return table.damage(HadoopInputFile.fromPath(file, conf), new HadoopParquetConfiguration(conf));
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /**
     * Writes the rows to a temporary file beside the target and renames it into place. When another attempt
     * of the same task renamed its file first, that file is kept (both hold the same rows).
     *
     * @param table the table
     * @param target the final file
     * @param attempt a name unique to this task attempt
     * @param rows the rows, in shard order
     * @param conf the Hadoop configuration
     * @throws IOException when the file cannot be written
     */
    static void write(ParquetTable table, Path target, String attempt, List<Group> rows, Configuration conf)
            throws IOException {
        FileSystem fs = target.getFileSystem(conf);
        if (fs instanceof LocalFileSystem local) {
            // no .crc side files next to the outputs
            local.setWriteChecksum(false);
        }
        fs.mkdirs(target.getParent());
        Path tmp = new Path(target.getParent(), "." + target.getName() + "." + attempt + ".tmp");
        try {
            table.write(HadoopOutputFile.fromPath(tmp, conf), new HadoopParquetConfiguration(conf), rows);
            if (fs.exists(target) && damage(table, target, conf) != null) {
                fs.delete(target, false);
            }
            if (!fs.rename(tmp, target) && damage(table, target, conf) != null) {
                throw new IOException("cannot rename " + tmp + " to " + target);
            }
        } finally {
            fs.delete(tmp, false);
        }
    }
}
