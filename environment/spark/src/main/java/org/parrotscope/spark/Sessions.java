package org.parrotscope.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a command: the one {@code spark-submit} configured, or an embedded {@code local[*]}
 * session when no master is set (a laptop needs no cluster and no install step).
 */
public final class Sessions {

    private Sessions() {}

    /**
     * @param app the application name
     * @return the active session, or a new one
     */
    public static SparkSession getOrCreate(String app) {
        SparkConf conf = new SparkConf();
        SparkSession.Builder b = SparkSession.builder().appName(app);
        if (!conf.contains("spark.master")) {
            int cores = Runtime.getRuntime().availableProcessors();
            b.master("local[*]")
                    // no web UI port and no 200 shuffle partitions for a laptop-sized job
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", Integer.toString(Math.max(4, 2 * cores)));
        }
        return b.getOrCreate();
    }

    /**
     * @param spark a session
     * @return true when it runs embedded ({@code local} master)
     */
    public static boolean isLocal(SparkSession spark) {
        return spark.sparkContext().master().startsWith("local");
    }
}
