package org.parrotscope.ocr;

import ai.djl.translate.TranslateException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * PP-OCR text-line recognition (PaddleOCR {@code predict_rec.py}): crops sorted by aspect ratio and
 * batched; each batch is resized to height 48 and a common width ({@code 48 * max(320/48, widest
 * ratio)}), normalised to [-1, 1], right-padded with zeros, run, and CTC-decoded.
 */
final class LineRecognizer implements AutoCloseable {

    static final int HEIGHT = 48;
    static final int MIN_WIDTH = 320;

    /**
     * A recognised line.
     *
     * @param line the decoded characters
     * @param positions each character's centre as a fraction of the text's width (padding excluded)
     */
    record Result(CtcDecoder.Line line, double[] positions) {}

    private final OnnxModel model;
    private final CtcDecoder decoder;
    private final int batchSize;
    private final int minWidth;
    private final ThreadLocal<float[][]> input = ThreadLocal.withInitial(() -> new float[1][0]);

    LineRecognizer(OnnxModel model, CtcDecoder decoder, int batchSize) {
        this(model, decoder, batchSize, MIN_WIDTH);
    }

    /**
     * @param model the recognition model
     * @param decoder the CTC decoder of its classes
     * @param batchSize lines per model run
     * @param minWidth a batch is padded to at least this width (PaddleOCR: 320)
     */
    LineRecognizer(OnnxModel model, CtcDecoder decoder, int batchSize, int minWidth) {
        this.model = model;
        this.decoder = decoder;
        this.batchSize = batchSize;
        this.minWidth = minWidth;
    }

    /**
     * @param crops BGR line images, reading left to right
     * @return one result per crop, in input order
     * @throws TranslateException when ONNX Runtime fails
     */
    List<Result> recognize(List<Mat> crops) throws TranslateException {
        int n = crops.size();
        Result[] results = new Result[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> ratio(crops.get(i))));
        for (int b = 0; b < n; b += batchSize) {
            int m = Math.min(batchSize, n - b);
            double maxRatio = (double) minWidth / HEIGHT;
            for (int k = 0; k < m; k++) {
                maxRatio = Math.max(maxRatio, ratio(crops.get(order[b + k])));
            }
            int width = (int) (HEIGHT * maxRatio);
            int length = m * 3 * HEIGHT * width;
            float[] in = buffer(length);
            int[] textWidths = new int[m];
            for (int k = 0; k < m; k++) {
                textWidths[k] = fill(crops.get(order[b + k]), in, k, width);
            }
            OnnxModel.Output out = model.runPrefix(in, length, m, 3, HEIGHT, width);
            long[] s = out.shape();
            if (s.length != 3 || s[0] != m || s[2] != decoder.classes()) {
                throw new IllegalStateException("recognition output " + Arrays.toString(s) + " does not match " + m
                        + " lines x " + decoder.classes() + " classes (key file mismatch?)");
            }
            int steps = (int) s[1];
            double stride = (double) width / steps; // input columns per time step
            for (int k = 0; k < m; k++) {
                CtcDecoder.Line line = decoder.decode(out.data(), k, steps);
                double[] pos = new double[line.chars().size()];
                for (int c = 0; c < pos.length; c++) {
                    pos[c] = Math.max(0, Math.min(1, line.chars().get(c).centreStep() * stride / textWidths[k]));
                }
                results[order[b + k]] = new Result(line, pos);
            }
        }
        return List.of(results);
    }

    /** This thread's input array, at least {@code length} long (the caller fills every value it uses). */
    private float[] buffer(int length) {
        float[][] holder = input.get();
        if (holder[0].length < length) {
            holder[0] = new float[length];
        }
        return holder[0];
    }

    private static double ratio(Mat crop) {
        return (double) crop.cols() / crop.rows();
    }

    /** Resizes one crop to height 48 into batch slot {@code k}; returns the resized text width. */
    private static int fill(Mat crop, float[] input, int k, int width) {
        int w = Math.min(width, (int) Math.ceil(HEIGHT * ratio(crop)));
        Mat r = new Mat();
        Imgproc.resize(crop, r, new Size(w, HEIGHT));
        byte[] px = new byte[HEIGHT * w * 3];
        r.get(0, 0, px);
        r.release();
        int plane = HEIGHT * width;
        int base = k * 3 * plane;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < HEIGHT; y++) {
                int row = base + c * plane + y * width;
                for (int x = 0; x < w; x++) {
                    input[row + x] = ((px[3 * (y * w + x) + c] & 0xff) / 255f - 0.5f) / 0.5f;
                }
                // zeros to the right: PaddleOCR's padding (the reused array holds an earlier batch's values)
                Arrays.fill(input, row + w, row + width, 0f);
            }
        }
        return w;
    }

    @Override
    public void close() {
        model.close();
    }
}
