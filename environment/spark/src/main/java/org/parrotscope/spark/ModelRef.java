package org.parrotscope.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * The CLIP model a Spark task scores with: the folder (the same local path on every executor), a tokenizer
 * vocabulary overriding the folder's, and the device choice of {@code --device}/{@code --gpus} that each executor
 * resolves for itself ({@link ExecutorModels}).
 *
 * @param dir the model folder, absolute
 * @param vocab the vocabulary file, absolute, or null
 * @param device the device choice as {@code cpu}, {@code auto} or {@code gpu:N}
 */
record ModelRef(String dir, String vocab, String device) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Validates the fields. */
    ModelRef {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(device, "device");
    }
}
