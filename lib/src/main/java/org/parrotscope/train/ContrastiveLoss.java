package org.parrotscope.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * CLIP's symmetric InfoNCE loss (Radford et al. 2021; OpenCLIP {@code ClipLoss}): with L2-normalised image
 * features I and text features T of one batch, {@code logits = exp(logitScale) * I T^T}; the loss is the mean
 * of the cross-entropy over rows (image to text) and over columns (text to image), the matching pair being
 * the diagonal.
 *
 * <p>Predictions are {@code [imageFeatures (B, D), textFeatures (B, D), logitScale (scalar or (1))]},
 * un-normalised; labels are ignored (the pairing is positional). DJL 0.36 has no {@code logSumExp}, so the
 * cross-entropy uses {@code logSoftmax}, whose autograd was checked against finite differences
 * (docs/STACK.md, DJL).
 */
public final class ContrastiveLoss extends Loss {

    /** A loss named {@code "InfoNCE"}. */
    public ContrastiveLoss() {
        super("InfoNCE");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = logits(predictions.get(0), predictions.get(1), predictions.get(2));
        NDArray rows = logits.logSoftmax(1).diagonal();
        NDArray cols = logits.logSoftmax(0).diagonal();
        // the mean over both diagonals (B entries each) is the mean of the two directions' means, with no scalar
        // operand in the graph (see org.parrotscope.clip.GraphScalars for why those need care)
        return NDArrays.concat(new NDList(rows, cols)).mean().neg();
    }

    /**
     * The scaled cosine similarities between every image and every text of a batch.
     *
     * @param image image features (B, D), not necessarily normalised
     * @param text text features (B, D), not necessarily normalised
     * @param logitScale the log of the temperature's inverse, a scalar or a one-element array
     * @return the (B, B) logits, image rows by text columns
     */
    public static NDArray logits(NDArray image, NDArray text, NDArray logitScale) {
        NDArray i = toFloat32(image);
        NDArray t = toFloat32(text);
        i = i.div(i.norm(new int[] {1}, true));
        t = t.div(t.norm(new int[] {1}, true));
        // exp of the parameter would belong to the parameter's manager (the model's) and live as long as the model,
        // one array per step: it belongs to the batch
        NDArray scale = logitScale.exp();
        scale.attach(image.getManager());
        return i.matMul(t.transpose()).mul(scale.reshape(1, 1));
    }

    /**
     * Features of an fp16 forward pass in fp32, differentiably: DJL's {@code toType} runs without autograd (a graph
     * break), but adding a float32 zero of shape (1) promotes the sum to float32 and autograd casts the gradient back
     * to the features' type. So normalisation, logits, log-softmax and the mean all run in fp32 (mixed precision).
     */
    static NDArray toFloat32(NDArray x) {
        if (x.getDataType() == DataType.FLOAT32) {
            return x;
        }
        return x.add(x.getManager().zeros(new Shape(1), DataType.FLOAT32));
    }
}
