/**
 * Stage 0 (paper Step 0): samples, WebDataset shards and image folders, streaming readers, the shard writer and the
 * mini-LAION generator (`data.synth`).
 */
package org.parrotscope.data;
