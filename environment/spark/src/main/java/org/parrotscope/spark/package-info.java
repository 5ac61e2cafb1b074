/**
 * The pipeline's OCR, CLIP score, ablation and statistics stages as Apache Spark jobs: one task per shard, one
 * Parquet file per shard written atomically ({@link org.parrotscope.spark.ShardJobs}), Table 1 and the other
 * aggregates as Spark SQL over those files. Embedded {@code local[*]} by default, the same jar through
 * {@code spark-submit} on a cluster.
 */
package org.parrotscope.spark;
