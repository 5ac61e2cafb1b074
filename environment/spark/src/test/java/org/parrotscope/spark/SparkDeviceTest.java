package org.parrotscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.cli.ParrotScope;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipPresets;
import org.parrotscope.clip.ComputeDevice;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.util.Progress;
import picocli.CommandLine;

/**
 * {@code --device}/{@code --gpus} on {@code spark score} and {@code spark ablate}, on this CPU-only machine: what a
 * choice resolves to on an executor, that the device is part of the executor's model sharing key, and that the
 * errors are those of the single-machine commands.
 */
class SparkDeviceTest {

    @TempDir
    static Path tmp;

    static SparkSession spark;
    static Path shard;
    static Path model;

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeFalse(ComputeDevice.Probe.ofThisMachine().cudaLibtorch(), "CUDA libtorch loaded");
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("SparkDeviceTest")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        MiniLaionWriter.write(
                new MiniLaion(SynthConfig.builder()
                        .setSeed(3)
                        .setSamples(6)
                        .optShardSize(6)
                        .optImageSize(2 * ClipPresets.load("tiny").vision().imageSize())
                        .build()),
                tmp.resolve("data"),
                Progress.silent());
        try (var files = Files.list(tmp.resolve("data"))) {
            shard = files.filter(p -> p.toString().endsWith(".tar")).findFirst().orElseThrow();
        }
        model = tmp.resolve("tiny-model");
        try (ClipModel m = ClipModel.create(ClipPresets.load("tiny"), 7)) {
            m.save(model);
        }
    }

    @AfterAll
    static void tearDown() {
        if (spark != null) {
            spark.stop();
        }
    }

    private record Result(int rc, String out, String err) {}

    private static Result run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new Result(rc, out.toString(), err.toString());
    }

    private static Result spark(String... args) {
        return run(SparkCli.commandLine(), args);
    }

    private static Result single(String... args) {
        return run(ParrotScope.commandLine(), args);
    }

    /** The message after {@code <program> <command>: }. */
    private static String message(String err, String prefix) {
        assertTrue(err.startsWith(prefix), err);
        return err.substring(prefix.length());
    }

    @Test
    void onAnExecutor_cpuIsTheCpu_autoIsDjlsDefault_andGpuFailsAsOnOneMachine() {
        assertEquals(Device.cpu(), ExecutorModels.device(ComputeDevice.Choice.parse("cpu", "t")));
        // auto = GPU 0 when DJL sees one, else the CPU: on this machine the CPU
        assertEquals(Device.cpu(), ExecutorModels.device(ComputeDevice.Choice.parse("auto", "t")));
        ComputeDevice.Choice gpu = ComputeDevice.Choice.parse("gpu", "t");
        IllegalStateException executor = assertThrows(IllegalStateException.class, () -> ExecutorModels.device(gpu));
        Result one = single("score", shard.toString(), "--model", model.toString(), "--out", "x", "--device", "gpu");
        assertNotEquals(0, one.rc());
        assertEquals(message(one.err(), "parrotscope score: ").strip(), executor.getMessage());
        assertTrue(executor.getMessage().contains("no CPU fallback"), executor.getMessage());
    }

    @Test
    void gpuOfATask_isSparksAssignedOne_elseItsPartitionSpreadOverTheGpus() {
        assertEquals(3, ExecutorModels.gpuIndex(List.of("3"), 0, 1));
        assertEquals(1, ExecutorModels.gpuIndex(List.of(), 5, 2));
        assertEquals(0, ExecutorModels.gpuIndex(List.of(), 4, 2));
        assertEquals(0, ExecutorModels.gpuIndex(List.of(), 7, 1));
    }

    @Test
    void sparkScoreAndAblate_failOnGpuWithTheSingleMachineMessage_beforeAnyShardRuns() {
        Path out = tmp.resolve("gpu-out");
        Result one = single("score", shard.toString(), "--model", model.toString(), "--out", "x", "--device", "gpu");
        String expected = message(one.err(), "parrotscope score: ");
        Result score = spark(
                "score", shard.toString(), "--model", model.toString(), "--out", out.toString(), "--device", "gpu");
        assertNotEquals(0, score.rc());
        assertEquals(expected, message(score.err(), "parrotscope spark score: "));
        Result ablate = spark(
                "ablate",
                shard.toString(),
                "--ocr",
                tmp.toString(),
                "--model",
                model.toString(),
                "--out",
                out.toString(),
                "--device",
                "gpu");
        assertNotEquals(0, ablate.rc());
        assertEquals(expected, message(ablate.err(), "parrotscope spark ablate: "));
        assertEquals("", score.out() + ablate.out(), "no job ran");
        assertTrue(Files.notExists(out), "nothing was written");

        Result gpus = spark(
                "score",
                shard.toString(),
                "--model",
                model.toString(),
                "--out",
                out.toString(),
                "--device",
                "cpu",
                "--gpus",
                "2");
        Result gpusOne = single(
                "score", shard.toString(), "--model", model.toString(), "--out", "x", "--device", "cpu", "--gpus", "2");
        assertNotEquals(0, gpus.rc());
        assertEquals(message(gpusOne.err(), "parrotscope score: "), message(gpus.err(), "parrotscope spark score: "));
        assertTrue(gpus.err().contains("--gpus 2 needs --device gpu"), gpus.err());
    }

    /** {@code spark score} of the shard with a device choice, into the folder named after it. */
    private static Result scoreOn(String device) {
        return spark(
                "score",
                shard.toString(),
                "--model",
                model.toString(),
                "--out",
                tmp.resolve(device).toString(),
                "--device",
                device);
    }

    @Test
    void cpuAndAuto_printTheDevice_andShareOneModelOnThisMachine() throws Exception {
        String dir = model.toAbsolutePath().normalize().toString();
        Result cpu = scoreOn("cpu");
        assertEquals(0, cpu.rc(), cpu.err());
        // the single-machine command's first line (DeviceOptionsTest)
        assertTrue(cpu.err().startsWith("device: cpu [cpu()], PyTorch "), cpu.err());
        Result auto = scoreOn("auto");
        assertEquals(0, auto.rc(), auto.err());
        assertTrue(auto.err().startsWith("device: auto [cpu()], PyTorch "), auto.err());
        // auto resolved to the CPU on the executor, so both jobs used one model: the device is in the key
        assertEquals(
                List.of(dir + " on cpu()"),
                ExecutorModels.openKeys().stream()
                        .filter(k -> k.startsWith(dir + " on "))
                        .toList());
        var a = spark.read().parquet(tmp.resolve("cpu").resolve("*.parquet").toString());
        var b = spark.read().parquet(tmp.resolve("auto").resolve("*.parquet").toString());
        assertEquals(6, a.count());
        assertEquals(0, a.exceptAll(b).count());
    }
}
