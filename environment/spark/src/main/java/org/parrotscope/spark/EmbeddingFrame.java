package org.parrotscope.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parrotscope.curate.Embeddings;

/**
 * The {@code <shard>.embeddings.safetensors} files of {@code parrotscope score --embeddings} as a DataFrame, one
 * Spark task per file: columns {@code file} (index in name order), {@code row} (index in the file), {@code key},
 * {@code features} (an MLlib vector). Each file is read and checked by the library's {@link Embeddings#read}, so a
 * bad file fails with the same message naming it as on one machine.
 */
public final class EmbeddingFrame {

    /** Column: the file's index. */
    public static final String FILE = "file";
    /** Column: the row's index in its file. */
    public static final String ROW = "row";
    /** Column: the sample key. */
    public static final String KEY = "key";
    /** Column: the embedding. */
    public static final String FEATURES = "features";

    /** The schema of {@link #read}. */
    public static final StructType SCHEMA = new StructType()
            .add(FILE, DataTypes.IntegerType, false)
            .add(ROW, DataTypes.IntegerType, false)
            .add(KEY, DataTypes.StringType, false)
            .add(FEATURES, SQLDataTypes.VectorType(), false);

    private EmbeddingFrame() {}

    /**
     * Lists the embedding files: a folder stands for its {@code *.embeddings.safetensors} files in name order.
     *
     * @param specs local paths or Hadoop URIs of files or folders
     * @param conf the Hadoop configuration
     * @return file URIs, in order
     * @throws IOException when nothing is found or a path does not exist
     */
    public static List<String> files(List<String> specs, Configuration conf) throws IOException {
        List<String> out = new ArrayList<>();
        for (String spec : specs) {
            Path p = new Path(spec);
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p)) {
                throw new IOException("no such embedding file or folder: " + spec);
            }
            if (fs.getFileStatus(p).isDirectory()) {
                List<FileStatus> found = new ArrayList<>();
                for (FileStatus f : fs.listStatus(p)) {
                    if (f.getPath().getName().endsWith(Embeddings.SUFFIX)) {
                        found.add(f);
                    }
                }
                found.sort(Comparator.comparing(f -> f.getPath().getName()));
                found.forEach(f -> out.add(f.getPath().toString()));
            } else {
                out.add(fs.makeQualified(p).toString());
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no embedding files (*" + Embeddings.SUFFIX + ") in " + specs);
        }
        return out;
    }

    /**
     * Reads the embeddings, one task per file.
     *
     * @param spark the session
     * @param specs files or folders, local paths or Hadoop URIs
     * @return the rows; every file has the same width (checked)
     * @throws IOException when no file is found, or the files' widths differ
     */
    public static Dataset<Row> read(SparkSession spark, List<String> specs) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<String> files = files(specs, conf);
        Map<String, String> hadoop = new HashMap<>();
        conf.forEach(e -> hadoop.put(e.getKey(), e.getValue()));
        List<FileTask> tasks = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            tasks.add(new FileTask(i, files.get(i), hadoop));
        }
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(tasks, tasks.size())
                .flatMap(t -> t.rows().iterator());
        Dataset<Row> df = spark.createDataFrame(rows, SCHEMA);
        return df;
    }

    /** One file to read on an executor. */
    private record FileTask(int index, String uri, Map<String, String> hadoop) implements Serializable {

        List<Row> rows() throws IOException {
            Path p = new Path(uri);
            java.nio.file.Path local;
            java.nio.file.Path copy = null;
            if (p.toUri().getScheme() == null || p.toUri().getScheme().equals("file")) {
                local = java.nio.file.Path.of(p.toUri().getPath());
            } else {
                Configuration conf = new Configuration(false);
                hadoop.forEach(conf::set);
                copy = Files.createTempFile("parrotscope-embeddings", Embeddings.SUFFIX);
                p.getFileSystem(conf).copyToLocalFile(false, p, new Path(copy.toUri()), true);
                local = copy;
            }
            try {
                Embeddings e = Embeddings.read(List.of(local));
                List<Row> out = new ArrayList<>(e.size());
                double[] v = new double[e.dim()];
                for (int r = 0; r < e.size(); r++) {
                    for (int j = 0; j < v.length; j++) {
                        v[j] = e.data()[r * e.dim() + j];
                    }
                    out.add(RowFactory.create(index, r, e.keys().get(r), Vectors.dense(v.clone())));
                }
                return out;
            } catch (IOException ex) {
                throw new IOException(copy == null ? ex.getMessage() : uri + ": " + ex.getMessage(), ex);
            } finally {
                if (copy != null) {
                    Files.deleteIfExists(copy);
                }
            }
        }
    }
}
