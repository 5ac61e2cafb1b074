package org.parrotscope.parrot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PyWordsTest {

    @Test
    void split_dropsEmptyTokensAndSplitsOnRuns() {
        assertEquals(List.of("a", "b", "c"), PyWords.split("  a \t\n b   c  "));
        assertEquals(List.of(), PyWords.split(""));
        assertEquals(List.of(), PyWords.split(" \t\r\n"));
        assertEquals(List.of(), PyWords.split(null));
    }

    @Test
    void split_treatsNoBreakAndIdeographicSpacesAsWhitespace_likePython() {
        // Python: "a\u00a0b\u3000c\u2009d\u0085e".split() == ['a','b','c','d','e']
        assertEquals(List.of("a", "b", "c", "d", "e"), PyWords.split("a\u00a0b\u3000c\u2009d\u0085e"));
        // U+200B ZERO WIDTH SPACE and U+180E are not whitespace for Python
        assertEquals(List.of("a\u200bb", "c\u180ed"), PyWords.split("a\u200bb c\u180ed"));
    }

    @Test
    void wordSet_countsDuplicatesOnce() {
        assertEquals(Set.of("the", "cat", "The"), PyWords.wordSet("the cat the The cat"));
        assertEquals(3, PyWords.wordSet("the cat the The cat").size());
    }

    @Test
    void isPythonSpace_agreesWithPythonOnEveryBmpChar() throws IOException, InterruptedException {
        Path py = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(py), "needs /usr/bin/python3 as the reference");
        Process p = new ProcessBuilder(
                        py.toString(), "-c", "print(' '.join(str(c) for c in range(0x10000) if chr(c).isspace()))")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor());
        List<Integer> expected = new ArrayList<>();
        for (String s : out.split(" ")) {
            expected.add(Integer.parseInt(s));
        }
        List<Integer> ours = new ArrayList<>();
        for (int c = 0; c < 0x10000; c++) {
            if (PyWords.isPythonSpace((char) c)) {
                ours.add(c);
            }
        }
        assertEquals(expected, ours);
    }

    @Test
    void ocrText_joinsWordsWithSpaces_soMultiWordBoxesSplit() {
        assertEquals(List.of("OPEN", "24", "hours"), PyWords.split(PyWords.ocrText(List.of("OPEN", "24 hours"))));
    }
}
