package org.parrotscope.cli;

import org.parrotscope.util.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code parrotscope} command: one subcommand per pipeline stage. Subcommands are registered in
 * {@link #subcommands()} in notebook order.
 */
@Command(
        name = "parrotscope",
        mixinStandardHelpOptions = true,
        version = "parrotscope 0.1.0",
        description = "Measure and fix parrot captions in image-text data (Lin et al., ECCV 2024).",
        subcommands = {CommandLine.HelpCommand.class})
public final class ParrotScope implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @return the subcommands, in pipeline order */
    static Object[] subcommands() {
        return new Object[] {
            // data
            new SynthCommand(),
            new InspectCommand(),
            // ocr
            new OcrCommand(),
            // parrot
            new StatsCommand(),
            // clip
            new TokenizeCommand(),
            new ScoreCommand(),
            new EmbedCommand(),
            // edit
            new AblateCommand(),
            // curate
            new ClusterCommand(),
            new CurateCommand(),
            // train / eval
            new TrainCommand(),
            new EvalCommand(),
            // experiment
            new ExperimentCommand(),
            // bench
            new BenchCommand(),
        };
    }

    /** @return a configured command line, used by {@link #main} and by tests */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ParrotScope());
        for (Object sub : subcommands()) {
            cl.addSubcommand(sub);
        }
        return reportFailures(cl, "parrotscope");
    }

    /**
     * Makes a command line report a failed command as {@code <program> <command>: <message>} on stderr and exit
     * with 1, the stack trace only with {@code -Dparrotscope.trace=true} (also {@code parrotscope spark}'s).
     *
     * @param cl the command line
     * @param program the program's name, e.g. {@code parrotscope spark}
     * @return the command line
     */
    public static CommandLine reportFailures(CommandLine cl, String program) {
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(program + " " + cmd.getCommandName() + ": " + ex.getMessage());
            if (Boolean.getBoolean("parrotscope.trace")) {
                ex.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cl;
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        try {
            Logging.configure(); // before the first logger: slf4j-simple reads its settings once
        } catch (IllegalArgumentException e) {
            System.err.println("parrotscope: " + e.getMessage());
            System.exit(2);
        }
        System.exit(commandLine().execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
