/**
 * Stage 4 (paper Step 5-6): image edits that remove text (Telea inpainting of OCR polygons) or render text (synthetic
 * text images), and the score ablation over them (Parquet rows in {@link org.parrotscope.edit.AblationSchema}).
 */
package org.parrotscope.edit;
