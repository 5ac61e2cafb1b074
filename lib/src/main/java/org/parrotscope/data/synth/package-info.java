/**
 * Stage 0 helper: mini-LAION, a deterministic generator of LAION-style WebDataset shards with ground truth
 * (object class, colour, background, every printed word with its box, and the caption words printed in the
 * image). Its defaults reproduce the paper's Table 1 (Step 4: 54.6% text images, 61.2% of them with Co-Emb.
 * text, mean CoTR 28.2% over text images) on the ground truth, so later stages can be tested against known
 * answers. Entry points: {@link org.parrotscope.data.synth.SynthConfig}, {@link org.parrotscope.data.synth.MiniLaion},
 * {@link org.parrotscope.data.synth.MiniLaionWriter}, {@link org.parrotscope.data.synth.GroundTruthStats}.
 */
package org.parrotscope.data.synth;
