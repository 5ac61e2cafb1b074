/**
 * Stage 2 (paper Steps 3-4, Algorithm 1, Table 1, Fig. 4): co-emerging text, CoTR, parrot captions, and the dataset
 * statistics built on them.
 *
 * <p>Matching (pure functions): {@link org.parrotscope.parrot.PyWords} (Python {@code str.split()}),
 * {@link org.parrotscope.parrot.NormalizedWords}, {@link org.parrotscope.parrot.FuzzyRule},
 * {@link org.parrotscope.parrot.CoEmbMatcher} giving a {@link org.parrotscope.parrot.CoEmbText} per
 * {@link org.parrotscope.parrot.Matching} (exact = Algorithm 1, normalized, fuzzy). Statistics:
 * {@link org.parrotscope.parrot.DatasetStats} joins shards with OCR files ({@link
 * org.parrotscope.parrot.CaptionOcrJoin})
 * and accumulates {@link org.parrotscope.parrot.ImageText}s in a {@link org.parrotscope.parrot.ParrotStatsBuilder};
 * the result {@link org.parrotscope.parrot.ParrotStats} holds {@link org.parrotscope.parrot.Table1} per matching and
 * the Tablesaw tables ({@link org.parrotscope.parrot.StatsTables}, column names in {@link
 * org.parrotscope.parrot.StatsColumns});
 * {@link org.parrotscope.parrot.StatsReport} writes them as CSV and JSON. Per-sample Parquet rows: {@link
 * org.parrotscope.parrot.SampleSchema} (written by {@link org.parrotscope.parrot.OcrParquet} and the Spark jobs).
 */
package org.parrotscope.parrot;
