/**
 * Stage 6 (paper Step 8, Sec. 5): contrastive CLIP training from scratch on GPU or CPU.
 */
package org.parrotscope.train;
