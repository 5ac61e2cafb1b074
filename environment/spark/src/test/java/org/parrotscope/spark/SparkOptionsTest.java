package org.parrotscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.parrotscope.cli.ParrotScope;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code spark score|ablate|curate} and their single-machine twins take the same options: every option both
 * declare has the same name, default and help text (they come from one mixin in lib), except the few listed here
 * whose meaning differs on Spark (paths that may be Hadoop URIs, rows instead of side files); the options only
 * one of them has are exactly those listed.
 */
class SparkOptionsTest {

    /** An option as a user sees it. */
    private record Shown(String defaultValue, String paramLabel, List<String> description) {}

    private static Map<String, Shown> options(CommandLine cl) {
        Map<String, Shown> out = new TreeMap<>();
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            out.put(o.longestName(), new Shown(o.defaultValue(), o.paramLabel(), List.of(o.description())));
        }
        return out;
    }

    private static void assertTwins(
            String command, Set<String> ownMeaning, Set<String> singleOnly, Set<String> sparkOnly) {
        Map<String, Shown> single =
                options(ParrotScope.commandLine().getSubcommands().get(command));
        Map<String, Shown> spark =
                options(SparkCli.commandLine().getSubcommands().get(command));
        Set<String> both = new TreeSet<>(single.keySet());
        both.retainAll(spark.keySet());
        List<String> differing = new ArrayList<>();
        for (String name : both) {
            if (!ownMeaning.contains(name)) {
                assertEquals(single.get(name), spark.get(name), command + " " + name);
            } else if (!single.get(name).equals(spark.get(name))) {
                differing.add(name);
            }
        }
        assertEquals(new TreeSet<>(ownMeaning), new TreeSet<>(differing), command + ": options of their own meaning");
        Set<String> onlySingle = new TreeSet<>(single.keySet());
        onlySingle.removeAll(spark.keySet());
        assertEquals(new TreeSet<>(singleOnly), onlySingle, command + ": single-machine only");
        Set<String> onlySpark = new TreeSet<>(spark.keySet());
        onlySpark.removeAll(single.keySet());
        assertEquals(new TreeSet<>(sparkOnly), onlySpark, command + ": Spark only");
        // the shared ones really are there (a test over two empty sets would pass on nothing)
        assertEquals(true, both.size() > ownMeaning.size(), command + " shares options");
    }

    @Test
    void score_twins() {
        assertTwins(
                "score",
                Set.of("--out", "--embeddings"),
                Set.of("--format", "--threads"),
                Set.of("--threads-per-task", "--work-dir"));
    }

    @Test
    void ablate_twins() {
        assertTwins(
                "ablate",
                Set.of("--out", "--ocr"),
                Set.of("--format", "--threads", "--write-images", "--embeddings", "--clusters"),
                Set.of("--threads-per-task", "--work-dir"));
    }

    @Test
    void curate_twins() {
        assertTwins("curate", Set.of("--out", "--ocr"), Set.of(), Set.of());
    }

    @Test
    void sharedOptions_haveTheSingleMachineDefaults() {
        // the values users know from lib/README.md, independent of either command's declaration
        Map<String, Shown> ablate =
                options(SparkCli.commandLine().getSubcommands().get("ablate"));
        assertEquals("3", ablate.get("--radius").defaultValue());
        assertEquals("2", ablate.get("--dilation").defaultValue());
        assertEquals("exact", ablate.get("--matching").defaultValue());
        assertEquals("0", ablate.get("--seed").defaultValue());
        assertEquals("32", ablate.get("--batch").defaultValue());
        Map<String, Shown> curate =
                options(SparkCli.commandLine().getSubcommands().get("curate"));
        assertEquals("I", curate.get("--criteria").defaultValue());
        assertEquals("0.3", curate.get("--min-score").defaultValue());
        assertEquals("4.5", curate.get("--min-aesthetic").defaultValue());
        assertEquals("0.95", curate.get("--dedup-cosine").defaultValue());
    }
}
