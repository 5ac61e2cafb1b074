package org.parrotscope.ocr;

import java.nio.file.Path;
import java.util.Arrays;
import org.parrotscope.data.Datasets;

/** A separate JVM running an OCR run, killed with SIGKILL by {@link OcrRunKillTest}: {@code OUT ENGINE SHARD...}. */
public final class OcrRunChild {

    private OcrRunChild() {}

    /**
     * @param args output folder, engine, shard specs
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        OcrRun.builder()
                .setOut(Path.of(args[0]))
                .optEngine(args[1])
                .optThreads(1)
                .buildRun()
                .run(Datasets.resolve(Arrays.asList(args).subList(2, args.length)));
    }
}
