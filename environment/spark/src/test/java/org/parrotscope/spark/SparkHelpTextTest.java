package org.parrotscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every help text of {@code parrotscope spark} and its subcommands is a valid format string: picocli formats
 * descriptions with {@code String.format} and, when that fails (a lone {@code %}), prints a WARN line and the raw
 * text instead of the help.
 */
class SparkHelpTextTest {

    @Test
    void everyDescriptionOfEverySubcommandFormats() {
        List<String> bad = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        check(new CommandLine(new SparkCli()), bad, seen);
        assertEquals(List.of(), bad);
        // the walk reached every subcommand (a walk that stopped at the top would pass on nothing)
        for (String sub : List.of("ocr", "score", "ablate", "stats", "parquet", "cluster", "curate")) {
            assertTrue(seen.contains("spark " + sub), seen.toString());
        }
    }

    @Test
    void aLonePercent_isFound() {
        // the check itself: a description with a lone % is reported, plain text is not
        CommandSpec spec = CommandSpec.create().name("t");
        spec.addOption(CommandLine.Model.OptionSpec.builder("--a")
                .description("50% of the pool")
                .build());
        spec.addOption(CommandLine.Model.OptionSpec.builder("--b")
                .description("half of the pool")
                .build());
        List<String> bad = new ArrayList<>();
        check(new CommandLine(spec), bad, new ArrayList<>());
        assertEquals(1, bad.size(), bad.toString());
        assertTrue(bad.get(0).contains("50% of the pool"), bad.get(0));
    }

    /** Formats every usage description and argument description of a command and its subcommands. */
    static void check(CommandLine cl, List<String> bad, List<String> seen) {
        CommandSpec spec = cl.getCommandSpec();
        seen.add(spec.qualifiedName());
        List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
        for (ArgSpec arg : spec.args()) {
            texts.addAll(List.of(arg.description()));
        }
        for (String t : texts) {
            try {
                String.format(t);
            } catch (IllegalFormatException e) {
                bad.add(spec.qualifiedName() + ": " + e.getMessage() + " in \"" + t + "\"");
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            check(sub, bad, seen);
        }
    }
}
