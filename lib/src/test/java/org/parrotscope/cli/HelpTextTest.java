package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Every help text of every command, as written in its annotations, is a valid format string: picocli formats
 * descriptions with {@code String.format} and, when that fails (a lone {@code %}), prints a warning and the raw
 * text.
 */
class HelpTextTest {

    @Test
    void everyDescriptionFormats() {
        List<String> bad = new ArrayList<>();
        int checked = check(ParrotScope.commandLine(), bad);
        assertEquals(List.of(), bad);
        assertTrue(checked > 100, "descriptions checked: " + checked);
    }

    @Test
    void findsALonePercentSign() {
        List<String> bad = new ArrayList<>();
        check(new CommandLine(new Broken()), bad);
        assertEquals(1, bad.size(), bad.toString());
    }

    /** A command whose help text has a lone percent sign. */
    @Command(name = "broken", description = "Fine: 10%% of the images.")
    static final class Broken {
        @Option(names = "--share", description = "Keep 60% of them.")
        int share;
    }

    /** Checks the annotation texts of a command and its subcommands; returns how many texts were checked. */
    static int check(CommandLine cl, List<String> bad) {
        List<Class<?>> types = new ArrayList<>();
        types.add(cl.getCommandSpec().userObject().getClass());
        cl.getCommandSpec()
                .mixins()
                .values()
                .forEach(m -> types.add(m.userObject().getClass()));
        List<String> texts = new ArrayList<>();
        for (Class<?> type : types) {
            texts.addAll(annotationTexts(type));
        }
        for (String t : texts) {
            try {
                String.format(t);
            } catch (IllegalFormatException e) {
                bad.add(cl.getCommandSpec().qualifiedName() + ": " + e.getMessage() + " in \"" + t + "\"");
            }
        }
        int n = texts.size();
        for (CommandLine sub : cl.getSubcommands().values()) {
            n += check(sub, bad);
        }
        return n;
    }

    private static List<String> annotationTexts(Class<?> type) {
        List<String> texts = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Command command = c.getAnnotation(Command.class);
            if (command != null) {
                texts.addAll(List.of(command.description()));
            }
            List<AnnotatedElement> members = new ArrayList<>(List.of(c.getDeclaredFields()));
            members.addAll(List.of(c.getDeclaredMethods()));
            for (AnnotatedElement m : members) {
                Option o = m.getAnnotation(Option.class);
                if (o != null) {
                    texts.addAll(List.of(o.description()));
                }
                Parameters p = m.getAnnotation(Parameters.class);
                if (p != null) {
                    texts.addAll(List.of(p.description()));
                }
            }
        }
        return texts;
    }
}
