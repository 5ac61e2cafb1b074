package org.parrotscope.clip;

import java.nio.file.Path;
import java.util.List;

/** Lets tests of other packages reuse the clip test helpers. */
public final class ClipTestAccess {

    private ClipTestAccess() {}

    /**
     * @param fixture a fixture name
     * @return its captions
     * @throws Exception when the fixture cannot be read
     */
    public static List<String> captions(String fixture) throws Exception {
        return ClipScorerParityTest.captions(fixture);
    }

    /**
     * @param dir the folder to create
     * @param fixture a fixture name
     * @return a dataset folder of the fixture images plus a corrupt one
     * @throws Exception when writing fails
     */
    public static Path datasetFolder(Path dir, String fixture) throws Exception {
        return ShardScorerTest.datasetFolder(dir, fixture);
    }
}
