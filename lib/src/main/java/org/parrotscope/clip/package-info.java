/**
 * Stage 3 (paper Step 0 and Step 5): CLIP architecture as data, safetensors weights, the CLIP BPE tokenizer, OpenCLIP
 * preprocessing and CLIP scoring; score rows as Parquet in {@link org.parrotscope.clip.ScoreSchema}.
 */
package org.parrotscope.clip;
