package org.parrotscope.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parrotscope.ocr.OcrOptions;
import org.parrotscope.ocr.SampleSpotter;
import org.parrotscope.ocr.TextSpotters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OCR engine per executor JVM and engine name, shared by every task thread of that executor, so the models
 * are loaded once per executor instead of once per shard. The engines are thread-safe (one native handle or
 * predictor per thread inside) and are closed when the JVM exits.
 */
final class ExecutorSpotters {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorSpotters.class);
    private static final Map<String, SampleSpotter> OPEN = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorSpotters::closeAll, "parrotscope-spotters"));
    }

    private ExecutorSpotters() {}

    /**
     * The executor's engine of this name, opened on first use.
     *
     * @param engine an engine of {@link TextSpotters#NAMES}
     * @return the shared engine; never close it
     */
    static SampleSpotter get(String engine) {
        return OPEN.computeIfAbsent(engine, e -> {
            LOG.info("loading OCR engine {} for this executor", e);
            return TextSpotters.createForSamples(e, OcrOptions.defaults());
        });
    }

    /** @return how many engines this JVM holds open */
    static int openCount() {
        return OPEN.size();
    }

    private static void closeAll() {
        OPEN.values().forEach(SampleSpotter::close);
        OPEN.clear();
    }
}
