/**
 * Stage 7 (paper Sec. 5-6): zero-shot classification, image-text retrieval, the synthetic Sync-score benchmark
 * (Step 6, {@code sys_benchmark.py}) and the typographic attack probe, on any model folder through an
 * {@link org.parrotscope.eval.Embedder}; {@link org.parrotscope.eval.EvalSuite} runs them and
 * {@link org.parrotscope.eval.EvalReport} prints JSON or a table.
 */
package org.parrotscope.eval;
