package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainStateTest {

    @Test
    void fp16ScalerState_survivesTheCheckpoint_andOldCheckpointsReadAsFp32(@TempDir Path dir) throws Exception {
        TrainState fp16 = new TrainState(40, 100, 7, 32, 2000, "memory", 0, -1, "fp16", 8192f, 37);
        fp16.save(dir);
        assertEquals(fp16, TrainState.load(dir));
        // a checkpoint written before mixed precision existed
        Files.writeString(
                dir.resolve(TrainState.FILE),
                "{\"step\": 3, \"total_steps\": 6, \"seed\": 1, \"batch\": 4, \"samples\": 8}");
        assertEquals(new TrainState(3, 6, 1, 4, 8, "memory", 0, -1, "fp32", 0f, 0), TrainState.load(dir));
    }
}
