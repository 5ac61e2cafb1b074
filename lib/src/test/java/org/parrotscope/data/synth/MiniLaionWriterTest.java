package org.parrotscope.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.util.Progress;

/** Resuming keeps complete shards, regenerates missing ones identically and refuses other options. */
class MiniLaionWriterTest {

    @TempDir
    Path dir;

    private static MiniLaion gen(long seed) {
        return new MiniLaion(SynthConfig.builder()
                .setSeed(seed)
                .setSamples(25)
                .optShardSize(10)
                .optImageSize(48)
                .build());
    }

    @Test
    void resume_keepsExistingShardsAndRewritesOnlyMissingOnes() throws Exception {
        GroundTruthStats full = MiniLaionWriter.write(gen(3), dir, Progress.silent());
        byte[] shard1 = Files.readAllBytes(dir.resolve("00001.tar"));
        Files.delete(dir.resolve("00001.tar"));
        // a kept shard is not regenerated: mark it and see the mark survive
        Files.write(dir.resolve("00000.tar"), new byte[] {42});
        GroundTruthStats resumed = MiniLaionWriter.write(gen(3), dir, Progress.silent(), true);
        assertArrayEquals(shard1, Files.readAllBytes(dir.resolve("00001.tar")));
        assertArrayEquals(new byte[] {42}, Files.readAllBytes(dir.resolve("00000.tar")));
        assertEquals(full, resumed, "statistics of kept shards are recomputed from the plan");
        assertTrue(Files.readString(dir.resolve(MiniLaionWriter.OPTIONS_FILE)).contains("\"seed\": 3"));
    }

    @Test
    void resume_withOtherOptions_isRefused() throws Exception {
        MiniLaionWriter.write(gen(3), dir, Progress.silent());
        IOException e =
                assertThrows(IOException.class, () -> MiniLaionWriter.write(gen(4), dir, Progress.silent(), true));
        assertTrue(e.getMessage().contains("other options"), e.getMessage());
    }
}
