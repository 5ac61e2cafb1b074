/**
 * Stage 1 (paper Step 2): text spotting with a scene-text engine (PP-OCRv4 on ONNX Runtime) and Tesseract, and OCR runs
 * over a dataset.
 *
 * <p>Engines implement {@link org.parrotscope.ocr.TextSpotter} (image in, {@link org.parrotscope.ocr.SpottedWord}s
 * out) and are created by name with {@link org.parrotscope.ocr.TextSpotters}: {@code ppocr} (default; the paper
 * used the scene-text spotter DeepSolo), {@code tesseract} (documents, clean rendered text) and {@code oracle}
 * (mini-LAION ground truth, a {@link org.parrotscope.ocr.SampleSpotter}). {@link org.parrotscope.ocr.OcrRun}
 * runs an engine over shards in parallel and writes one JSONL file per shard ({@link org.parrotscope.ocr.OcrJsonl}),
 * read by the {@code parrot} stage; {@link org.parrotscope.ocr.WordAccuracy} scores an engine against ground truth.
 */
package org.parrotscope.ocr;
