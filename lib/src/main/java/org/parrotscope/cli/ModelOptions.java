package org.parrotscope.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --model}, {@code --batch} and {@code --vocab}: the CLIP scorer's options, shared by {@code score},
 * {@code ablate} and their Spark twins {@code spark score} and {@code spark ablate}, so each option has one name,
 * default and help text.
 */
public final class ModelOptions {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "model folder (config.json, model.safetensors, tokenizer)")
    Path model;

    @Option(names = "--batch", defaultValue = "32", description = "images per forward pass (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--vocab", description = "tokenizer vocabulary overriding the model folder's")
    Path vocab;

    /** @return the model folder */
    public Path model() {
        return model;
    }

    /** @return images per forward pass */
    public int batch() {
        return batch;
    }

    /** @return the tokenizer vocabulary overriding the folder's, or null */
    public Path vocab() {
        return vocab;
    }
}
