package org.parrotscope.ocr;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One ONNX model on DJL's ONNX Runtime engine, shared by threads: one loaded {@link ZooModel} and one
 * {@link Predictor} per calling thread, all closed by {@link #close()}. Inputs and outputs are plain
 * float arrays: ONNX Runtime NDArrays support few operations (docs/STACK.md, PP-OCR), so values are copied out
 * and post-processed in Java.
 */
final class OnnxModel implements AutoCloseable {

    /**
     * A model output.
     *
     * @param data the values, row-major
     * @param shape the shape
     */
    record Output(float[] data, long[] shape) {}

    private static final String DISABLE_ALTERNATIVE = "ai.djl.onnx.disable_alternative";

    private final ZooModel<NDList, NDList> model;
    private final ThreadLocal<Predictor<NDList, NDList>> predictors = new ThreadLocal<>();
    private final Queue<Predictor<NDList, NDList>> all = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /**
     * @param file the {@code .onnx} file
     * @param intraOpThreads ONNX Runtime intra-op threads (0: runtime default)
     * @throws IOException when the model cannot be loaded
     */
    OnnxModel(Path file, int intraOpThreads) throws IOException {
        // DJL's ONNX Runtime engine otherwise loads PyTorch as an "alternative engine" for NDArray operations
        // we never use: ~400 MB of natives, and its OpenMP runtime then also governs libtesseract's
        // (TessLoader), which made single-threaded Tesseract 10-50x slower. Respect an explicit setting.
        if (System.getProperty(DISABLE_ALTERNATIVE) == null) {
            System.setProperty(DISABLE_ALTERNATIVE, "true");
        }
        Criteria.Builder<NDList, NDList> b = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file)
                .optEngine("OnnxRuntime")
                .optTranslator(new NoopTranslator());
        if (intraOpThreads > 0) {
            b.optOption("intraOpNumThreads", Integer.toString(intraOpThreads));
            b.optOption("interOpNumThreads", "1");
        }
        try {
            this.model = b.build().loadModel();
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException("cannot load ONNX model " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the model on one input on the calling thread's predictor.
     *
     * @param input the values, row-major
     * @param shape the input shape
     * @return the first output
     * @throws TranslateException when ONNX Runtime fails
     */
    Output run(float[] input, long... shape) throws TranslateException {
        return runPrefix(input, input.length, shape);
    }

    /**
     * Runs the model on the first {@code length} values of a (reused, possibly larger) input array.
     *
     * @param input the values, row-major, from index 0
     * @param length how many values the input has (the product of the shape)
     * @param shape the input shape
     * @return the first output
     * @throws TranslateException when ONNX Runtime fails
     */
    Output runPrefix(float[] input, int length, long... shape) throws TranslateException {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != length || length > input.length) {
            throw new IllegalArgumentException(
                    "input of " + length + " values (array " + input.length + ") does not fill shape of " + n);
        }
        Predictor<NDList, NDList> p = predictor();
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray x = m.create(FloatBuffer.wrap(input, 0, length), new Shape(shape));
            NDList out = p.predict(new NDList(x));
            NDArray y = out.get(0);
            Output o = new Output(y.toFloatArray(), y.getShape().getShape());
            out.close();
            return o;
        }
    }

    private Predictor<NDList, NDList> predictor() {
        if (closed) {
            throw new IllegalStateException("model is closed: " + model.getName());
        }
        Predictor<NDList, NDList> p = predictors.get();
        if (p == null) {
            p = model.newPredictor();
            predictors.set(p);
            all.add(p);
        }
        return p;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Predictor<NDList, NDList> p;
        while ((p = all.poll()) != null) {
            p.close();
        }
        predictors.remove();
        model.close();
    }
}
