/**
 * Stage 7 (paper Sec. 5-6): zero-shot, retrieval, the synthetic Sync-score benchmark and the typographic attack probe.
 */
package org.parrotscope.eval;
