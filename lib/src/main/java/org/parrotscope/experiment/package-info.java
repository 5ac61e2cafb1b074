/**
 * Stage 8 (paper Steps 7-9, Tables 3-6 and 10, Figs. 8 and 9): the subset experiment end to end. One JSON
 * configuration names the data, the OCR, the reference CLIP, the curations, one training recipe for every subset
 * model and the evaluation; {@link org.parrotscope.experiment.Experiment} runs every stage, cached and resumable, and
 * writes {@code results.json} and the paper's tables.
 */
package org.parrotscope.experiment;
