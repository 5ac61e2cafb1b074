package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.util.Progress;

/** Training with {@code --loader stream} on generated mini-LAION shards: determinism, resume, loader choice. */
class StreamingTrainingTest {

    @TempDir
    static Path tmp;

    static Path shards;

    @BeforeAll
    static void writeData() throws Exception {
        shards = tmp.resolve("data");
        SynthConfig c = SynthConfig.builder()
                .setSeed(8)
                .setSamples(72)
                .optImageSize(32)
                .optTextRate(0)
                .optShardSize(12)
                .optFormat("png")
                .build();
        MiniLaionWriter.write(new MiniLaion(c), shards, Progress.silent());
    }

    private static TrainConfig.Builder config(Path out, int steps) {
        // 72 samples at batch 16: 4 steps an epoch, so 10 steps cross two epoch boundaries
        return TrainConfig.builder()
                .setData(List.of(shards.toString()))
                .setPreset("tiny")
                .setOutDir(out)
                .optSteps(steps)
                .optBatch(16)
                .optLearningRate(2e-3f)
                .optWarmup(1)
                .optWordVocabulary(16, 1)
                .optSeed(3)
                .optThreads(2)
                .optGradClip(1.0f)
                .optLoader(TrainConfig.Loader.STREAM)
                .optShuffleBuffer(20);
    }

    @Test
    void sameSeed_sameLosses_andResumeMidEpoch_continuesWithTheSameLosses() throws Exception {
        List<Double> straight = ClipTraining.run(config(tmp.resolve("a"), 10).build(), null, null)
                .losses();
        List<Double> again = ClipTraining.run(config(tmp.resolve("b"), 10).build(), null, null)
                .losses();
        assertEquals(straight, again);
        Path split = tmp.resolve("split");
        ClipTraining.Result first =
                ClipTraining.run(config(split, 10).optStopAt(5).build(), null, null);
        TrainState st = TrainState.load(first.finalDir());
        assertEquals("stream", st.loader());
        assertEquals(20, st.shuffleBuffer());
        assertEquals(16, st.cursor(), "step 5 is the first of epoch 1: one batch into its stream, no corrupt image");
        ClipTraining.Result second =
                ClipTraining.run(config(split, 10).optResume(first.finalDir()).build(), null, null);
        assertEquals(5, second.startStep());
        for (int i = 0; i < 10; i++) {
            double resumed = i < 5 ? first.losses().get(i) : second.losses().get(i - 5);
            assertEquals(straight.get(i), resumed, 0.0, "step " + (i + 1));
        }
    }

    @Test
    void resume_refusesAnotherLoaderOrBuffer() throws Exception {
        Path out = tmp.resolve("stop");
        ClipTraining.Result first = ClipTraining.run(config(out, 4).optStopAt(2).build(), null, null);
        assertThrows(
                IOException.class,
                () -> ClipTraining.run(
                        config(out, 4)
                                .optResume(first.finalDir())
                                .optLoader(TrainConfig.Loader.MEMORY)
                                .build(),
                        null,
                        null));
        assertThrows(
                IOException.class,
                () -> ClipTraining.run(
                        config(out, 4)
                                .optResume(first.finalDir())
                                .optShuffleBuffer(21)
                                .build(),
                        null,
                        null));
        // auto keeps the checkpoint's loader
        assertEquals(
                TrainConfig.Loader.STREAM,
                TrainInput.choose(config(out, 4)
                                .optResume(first.finalDir())
                                .optLoader(TrainConfig.Loader.AUTO)
                                .build())
                        .loader());
    }

    @Test
    void auto_holdsSmallDataInMemory() throws Exception {
        TrainInput.Choice c = TrainInput.choose(config(tmp.resolve("auto"), 4)
                .optLoader(TrainConfig.Loader.AUTO)
                .build());
        // 72 PNGs of 32 px are kilobytes, far below 60 % of any test heap
        assertEquals(TrainConfig.Loader.MEMORY, c.loader());
        assertTrue(c.reason().startsWith("auto:"), c.reason());
        assertTrue(TrainInput.describe(config(tmp.resolve("s"), 4).build())
                .startsWith("loader stream (asked for), shuffle buffer 20 samples"));
    }
}
