/**
 * Stage 1 (paper Step 2): text spotting with a scene-text engine (PP-OCRv4 on ONNX Runtime) and Tesseract, and OCR runs over a dataset.
 */
package org.parrotscope.ocr;
