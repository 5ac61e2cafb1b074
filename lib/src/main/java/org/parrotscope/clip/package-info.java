/**
 * Stage 3 (paper Step 0 and Step 5): CLIP architecture as data, safetensors weights, the CLIP BPE tokenizer, OpenCLIP
 * preprocessing and CLIP scoring.
 */
package org.parrotscope.clip;
