package org.parrotscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parrotscope bench}: throughput benchmarks of the pipeline stages; prints tables, asserts nothing. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print throughput tables.",
        subcommands = {BenchClipCommand.class})
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
