/**
 * Shared helpers used by every stage: atomic file output, durable shard outputs, per-shard Parquet tables
 * ({@link org.parrotscope.util.ParquetTable}), JSON, progress reporting.
 */
package org.parrotscope.util;
