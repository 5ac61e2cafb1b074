/**
 * Stage 6 (paper Step 8, Sec. 5): contrastive CLIP training from scratch on GPU or CPU with OpenCLIP's recipe.
 *
 * <p>{@link org.parrotscope.train.ClipTraining} runs a {@link org.parrotscope.train.TrainConfig}: data from shards
 * or a {@link org.parrotscope.train.SubsetManifest} ({@link org.parrotscope.train.TrainingData}), batches prepared
 * ahead by {@link org.parrotscope.train.BatchLoader} (seeded order and {@link org.parrotscope.train.TrainTransform}
 * augmentation), steps by {@link org.parrotscope.train.StepRunner} (DJL {@code Trainer},
 * {@link org.parrotscope.train.ContrastiveLoss}, {@link org.parrotscope.train.AdamW} with
 * {@link org.parrotscope.train.WeightDecayRule}, {@link org.parrotscope.train.CosineWarmup}), checkpoints by
 * {@link org.parrotscope.train.Checkpoints} and the log by {@link org.parrotscope.train.MetricsLog}. Captions go
 * through a {@link org.parrotscope.train.Tokenizer}: the CLIP BPE or a word vocabulary built from the captions.
 */
package org.parrotscope.train;
