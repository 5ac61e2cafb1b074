package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.parrotscope.train.TrainConfig;
import org.parrotscope.train.TrainRecipe;
import picocli.CommandLine;

/** {@code parrotscope train}: the preset's recipe printed at start, each value replaced by its flag. */
class TrainRecipeFlagsTest {

    private static TrainCommand parse(String... flags) {
        TrainCommand cmd = new TrainCommand();
        String[] args = new String[flags.length + 4];
        args[0] = "--data";
        args[1] = "shards";
        args[2] = "--out";
        args[3] = "out";
        System.arraycopy(flags, 0, args, 4, flags.length);
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }

    @Test
    void noFlags_printsThePresetRecipe() {
        TrainCommand cmd = parse();
        TrainConfig cfg = cmd.config();
        assertEquals(TrainRecipe.forPreset("mini"), cfg.recipe());
        assertEquals(
                "recipe (preset mini): steps 2800, batch 128, lr 0.002, warm-up 100, weight decay 0.1, grad clip 1,"
                        + " precision fp32",
                cmd.recipeLine(cfg));
    }

    @Test
    void everyFlag_replacesItsValue_andIsNamedInTheLine() {
        TrainCommand cmd = parse(
                "--steps",
                "40",
                "--batch",
                "8",
                "--lr",
                "3e-4",
                "--warmup",
                "2",
                "--wd",
                "0",
                "--grad-clip",
                "0",
                "--precision",
                "fp16");
        TrainConfig cfg = cmd.config();
        assertEquals(new TrainRecipe("preset mini", 40, 0, 8, 3e-4f, 2, 0f, 0f), cfg.recipe());
        assertEquals(org.parrotscope.train.Precision.FP16, cfg.precision());
        assertEquals(
                "recipe (preset mini, with --batch --grad-clip --lr --precision --steps --warmup --wd): steps 40,"
                        + " batch 8, lr 0.0003, warm-up 2, weight decay 0, grad clip none, precision fp16",
                cmd.recipeLine(cfg));
        TrainCommand epochs = parse("--epochs", "2");
        assertEquals(2, epochs.config().epochs());
        assertEquals(0, epochs.config().steps());
    }
}
