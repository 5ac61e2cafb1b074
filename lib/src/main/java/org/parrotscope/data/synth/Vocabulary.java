package org.parrotscope.data.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in vocabulary of words that mini-LAION prints into images, read from the resource
 * {@code vocabulary.txt}: sections {@code [common]}, {@code [brand]}, {@code [class]} (object class names, for
 * typographic attacks) and {@code [color]}, one single-token word per line.
 *
 * @param sections the words of each section, in file order
 */
record Vocabulary(Map<String, List<String>> sections) {

    /** The sections every vocabulary must have. */
    static final List<String> SECTIONS = List.of("common", "brand", "class", "color");

    /** Copies and checks the sections. */
    Vocabulary {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (String s : SECTIONS) {
            List<String> words = sections.get(s);
            if (words == null || words.isEmpty()) {
                throw new IllegalArgumentException("vocabulary section [" + s + "] is missing or empty");
            }
            copy.put(s, List.copyOf(words));
        }
        sections = java.util.Collections.unmodifiableMap(copy);
    }

    /** @return the words of one section */
    List<String> section(String name) {
        return sections.get(name);
    }

    /** @return every word, without duplicates, in file order */
    List<String> all() {
        List<String> all = new ArrayList<>();
        sections.values().forEach(all::addAll);
        return all;
    }

    /** @return the built-in vocabulary */
    static Vocabulary builtIn() {
        String name = "vocabulary.txt";
        try (InputStream in = Vocabulary.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing next to " + Vocabulary.class.getName());
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static Vocabulary parse(BufferedReader r, String source) throws IOException {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> current = null;
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
                continue;
            }
            // a printed word must be one token under Algorithm 1's split()
            if (current == null || line.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalStateException(
                        source + ":" + n + ": expected a single word inside a [section], got '" + line + "'");
            }
            if (!seen.add(line)) {
                throw new IllegalStateException(source + ":" + n + ": duplicate word '" + line + "'");
            }
            current.add(line);
        }
        return new Vocabulary(sections);
    }
}
