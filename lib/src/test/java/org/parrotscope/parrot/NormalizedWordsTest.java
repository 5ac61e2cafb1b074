package org.parrotscope.parrot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizedWordsTest {

    @Test
    void split_foldsCaseAndStripsSurroundingPunctuation() {
        assertEquals(
                List.of("best", "coffee", "don't", "e-mail", "3.5"),
                NormalizedWords.split("\"BEST\" Coffee!!! (don't) e-mail, 3.5."));
    }

    @Test
    void split_dropsTokensThatArePunctuationOnly() {
        assertEquals(List.of("a", "b"), NormalizedWords.split("a - b !!! ..."));
    }

    @Test
    void split_appliesNfkcAndFullCaseFolding() {
        // full-width "ＳＡＬＥ" -> "sale"; ligature "ﬁre" -> "fire"; German sharp s folds to "ss" (Python casefold)
        assertEquals(List.of("sale", "fire", "strasse", "σοφοσ"), NormalizedWords.split("ＳＡＬＥ ﬁre STRAßE ΣΟΦΟΣ"));
    }

    @Test
    void split_keepsSymbols() {
        assertEquals(List.of("$5", "c++", "nike®"), NormalizedWords.split("$5 C++ Nike®"));
    }

    @Test
    void fold_agreesWithPythonCasefoldAfterNfkc() throws IOException, InterruptedException {
        Path py = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(py), "needs /usr/bin/python3 as the reference");
        String text = "Straße ΣΟΦΟΣ ﬁre ＳＡＬＥ Ǆemal İstanbul ΐ café ŉ Ⅻ ½ ᾬ";
        Process p = new ProcessBuilder(
                        py.toString(),
                        "-c",
                        "import sys,unicodedata as u;s=sys.stdin.read();"
                                + "sys.stdout.write(u.normalize('NFKC',u.normalize('NFKC',s).casefold()))")
                .start();
        p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals(expected, NormalizedWords.fold(text));
    }
}
