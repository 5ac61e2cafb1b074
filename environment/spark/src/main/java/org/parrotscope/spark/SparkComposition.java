package org.parrotscope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parrotscope.curate.ClusterComposition;
import org.parrotscope.parrot.StatsColumns;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Fig. 3a's per-cluster composition ({@link ClusterComposition#table}) as one Spark SQL aggregation over the
 * candidates of {@link SparkCandidates}: the grouped counts and score sums reach the driver, the table is laid
 * out and sorted as the library lays it out.
 */
public final class SparkComposition {

    private SparkComposition() {}

    /**
     * The composition table.
     *
     * @param spark the session
     * @param cands candidates with clusters (and scores) joined
     * @param groupOf maps a cluster to its merged group, or null to count clusters
     * @return the table of {@link ClusterComposition#table}, same columns and order
     */
    public static Table table(SparkSession spark, Dataset<Row> cands, int[] groupOf) {
        Dataset<Row> clustered = cands.where(col(SparkCandidates.CLUSTER).isNotNull());
        String g = SparkCandidates.CLUSTER;
        if (groupOf != null) {
            List<Row> map = new ArrayList<>();
            for (int c = 0; c < groupOf.length; c++) {
                map.add(RowFactory.create(c, groupOf[c]));
            }
            Dataset<Row> m = spark.createDataFrame(
                    map,
                    new StructType().add("m_cluster", DataTypes.IntegerType).add("m_group", DataTypes.IntegerType));
            clustered = clustered.join(m, col(SparkCandidates.CLUSTER).equalTo(col("m_cluster")));
            g = "m_group";
        }
        List<Row> rows = clustered
                .groupBy(col(g).as("g"))
                .agg(
                        count_if(col(SparkCandidates.CATEGORY).equalTo(StatsColumns.NO_TEXT)),
                        count_if(col(SparkCandidates.CATEGORY).equalTo(StatsColumns.TEXT_NO_OVERLAP)),
                        count(col(SparkCandidates.KEY)),
                        sum(col(SparkCandidates.CLIP_SCORE)),
                        count(col(SparkCandidates.CLIP_SCORE)))
                .collectAsList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no candidate has a cluster: join assignments first");
        }
        List<Row> sorted = new ArrayList<>(rows);
        // highest mean score first, clusters without scores last, then by id (ClusterComposition's order)
        sorted.sort(Comparator.<Row>comparingDouble(
                        r -> r.getLong(5) == 0 ? Double.POSITIVE_INFINITY : -r.getDouble(4) / r.getLong(5))
                .thenComparingInt(r -> r.getInt(0)));
        Table t = Table.create(
                "cluster composition",
                IntColumn.create(ClusterComposition.CLUSTER),
                IntColumn.create(ClusterComposition.RANK),
                IntColumn.create(ClusterComposition.IMAGES),
                IntColumn.create(StatsColumns.NO_TEXT),
                IntColumn.create(StatsColumns.TEXT_NO_OVERLAP),
                IntColumn.create(StatsColumns.TEXT_OVERLAP),
                DoubleColumn.create(ClusterComposition.TEXT_RATE),
                DoubleColumn.create(ClusterComposition.PARROT_SHARE),
                DoubleColumn.create(ClusterComposition.MEAN_SCORE));
        for (int i = 0; i < sorted.size(); i++) {
            Row r = sorted.get(i);
            long none = r.getLong(1);
            long noOverlap = r.getLong(2);
            long total = r.getLong(3);
            long parrot = total - none - noOverlap;
            t.intColumn(ClusterComposition.CLUSTER).append(r.getInt(0));
            t.intColumn(ClusterComposition.RANK).append(i);
            t.intColumn(ClusterComposition.IMAGES).append((int) total);
            t.intColumn(StatsColumns.NO_TEXT).append((int) none);
            t.intColumn(StatsColumns.TEXT_NO_OVERLAP).append((int) noOverlap);
            t.intColumn(StatsColumns.TEXT_OVERLAP).append((int) parrot);
            t.doubleColumn(ClusterComposition.TEXT_RATE).append((noOverlap + parrot) / (double) total);
            t.doubleColumn(ClusterComposition.PARROT_SHARE).append(parrot / (double) total);
            t.doubleColumn(ClusterComposition.MEAN_SCORE)
                    .append(r.getLong(5) == 0 ? Double.NaN : r.getDouble(4) / r.getLong(5));
        }
        return t;
    }
}
