package org.parrotscope.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parrotscope.clip.ClipModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CLIP model per executor JVM and model folder, shared by every task thread of that executor, so the weights
 * are loaded once per executor instead of once per shard. Sharing is safe: {@link ClipModel}'s forward passes
 * ({@code encodeImages}, {@code encodeTexts}) are synchronized on the model and run without gradients, so
 * concurrent tasks take turns on the network while their image decoding and preprocessing overlap (on a CPU
 * one forward pass already uses every intra-op thread). Each task builds its own scorer (tokenizer, decoding
 * pool) around the shared model. The models are closed when the JVM exits.
 */
final class ExecutorModels {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorModels.class);
    private static final Map<String, ClipModel> OPEN = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::closeAll, "parrotscope-models"));
    }

    private ExecutorModels() {}

    /**
     * The executor's model of this folder, loaded on first use.
     *
     * @param modelDir the model folder, the same path on every executor
     * @return the shared model; never close it
     */
    static ClipModel get(String modelDir) {
        return OPEN.computeIfAbsent(modelDir, d -> {
            LOG.info("loading CLIP model {} for this executor", d);
            try {
                return ClipModel.load(Path.of(d));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the CLIP model " + d + ": " + e.getMessage(), e);
            }
        });
    }

    /** @return how many models this JVM holds open */
    static int openCount() {
        return OPEN.size();
    }

    private static void closeAll() {
        OPEN.values().forEach(ClipModel::close);
        OPEN.clear();
    }
}
