package org.parrotscope.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code parrotscope bench}: throughput benchmarks, one subcommand per stage. Each prints a table and
 * asserts nothing (tests never check wall-clock times).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Throughput benchmarks (images/s), one subcommand per pipeline stage.",
        subcommands = {
            // data
            BenchIoCommand.class,
            // ocr
            BenchOcrCommand.class,
            // clip
            BenchClipCommand.class,
            // edit
            BenchEditCommand.class,
            // curate
            BenchClusterCommand.class,
            // train
            BenchTrainCommand.class,
        })
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
