package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our unescaping and caption cleaning against Python's html.unescape and OpenCLIP's cleaning after ftfy. */
class HtmlUnescapeTest {

    /** Reads a JSON list of strings; prints [html.unescape(s)] and OpenCLIP's clean (without ftfy) of each. */
    static final String PY = String.join(
            "\n",
            "import html, json, sys",
            "xs = json.loads(sys.stdin.read())",
            "def clean(t):",
            "    t = html.unescape(html.unescape(t)).strip()",
            "    return ' '.join(t.split()).strip().lower()",
            "print(json.dumps({'unescape': [html.unescape(x) for x in xs], 'clean': [clean(x) for x in xs],",
            "                  'legacy': sorted(k for k in html.entities.html5 if not k.endswith(';'))}))");

    static List<String> tableNames() throws Exception {
        List<String> out = new ArrayList<>();
        try (var r = new BufferedReader(new InputStreamReader(
                HtmlUnescape.class.getResourceAsStream("html-entities.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\\s+")[0]);
                }
            }
        }
        return out;
    }

    static List<String> strings() throws Exception {
        List<String> s = new ArrayList<>();
        for (String name : tableNames()) {
            String n = name.replace("*", "");
            s.add("&" + n + ";");
            s.add("x&" + n + "y");
            s.add("&" + n + "z;");
        }
        for (int cp : new int[] {
            0, 1, 9, 10, 11, 13, 31, 65, 127, 128, 129, 141, 150, 159, 160, 233, 0xD800, 0xDFFF, 0xFDD0, 0xFFFE, 0xFFFF,
            0x1F600, 0x10FFFE, 0x10FFFF, 0x110000
        }) {
            s.add("&#" + cp + ";");
            s.add("&#x" + Integer.toHexString(cp) + "z");
            s.add("&#X" + Integer.toHexString(cp).toUpperCase() + ";");
        }
        s.addAll(List.of(
                "&#99999999999999999999999;",
                "&#xFFFFFFFF;",
                "&#x0000000041;",
                "&#4294967361;",
                "&#00000000065",
                "&#;",
                "&#x;",
                "&",
                "&&amp;",
                "&amp;amp;",
                "&amp;lt;b&amp;gt;",
                "AT&T",
                "R&D &Barrel/Mitchell",
                "&hellip",
                "&unknownentity;",
                "&amp",
                "a\u00a0b\u3000c\u2028d\u001ce  f\tg\n",
                "  \u00a0ÉCOLE  Σίσυφος İstanbul ΣΑΣ  ",
                "Ǆ ǅ ﬁ ß ẞ",
                "&lt;p&gt;Caf&eacute; &amp;amp; cr&#232;me&lt;/p&gt;",
                "&#x26;eacute;",
                "&copy;2020 &#8212; &quot;x&quot;"));
        for (var c : ClipTokenizerTest.cases()) {
            s.add(c.text());
        }
        return s;
    }

    @Test
    void unescapeAndClean_matchPythonOnTableEdgeCasesAndAllFixtureCaptions() throws Exception {
        List<String> in = strings();
        var py = JsonParser.parseString(IoFixtures.python(
                        PY,
                        com.google.gson.JsonParser.parseString(org.parrotscope.util.Json.COMPACT.toJson(in))
                                .toString()))
                .getAsJsonObject();
        JsonArray unescaped = py.getAsJsonArray("unescape");
        JsonArray cleaned = py.getAsJsonArray("clean");
        int bad = 0;
        for (int i = 0; i < in.size(); i++) {
            String s = in.get(i);
            if (!unescaped.get(i).getAsString().equals(HtmlUnescape.unescape(s))
                    || !cleaned.get(i).getAsString().equals(ClipTokenizer.cleanAfterFtfy(s))) {
                bad++;
                System.out.println("differs from Python: " + s + " -> " + HtmlUnescape.unescape(s) + " / "
                        + unescaped.get(i).getAsString());
            }
        }
        assertEquals(0, bad, "strings differing from Python of " + in.size());
        // our legacy (semicolon-less) names are exactly Python's
        List<String> legacy = new ArrayList<>();
        py.getAsJsonArray("legacy").forEach(e -> legacy.add(e.getAsString()));
        List<String> ours = tableNames().stream()
                .filter(n -> n.endsWith("*"))
                .map(n -> n.replace("*", ""))
                .sorted()
                .toList();
        assertEquals(legacy, ours);
    }

    @Test
    void unescape_handComputedExamples() {
        assertEquals("Café & crème", HtmlUnescape.unescape("Caf&eacute; &amp; cr&#xe8;me"));
        assertEquals("¬it;", HtmlUnescape.unescape("&notit;")); // longest legacy prefix
        assertEquals("€", HtmlUnescape.unescape("&#128;")); // windows-1252 remap
        assertEquals("&amp;", HtmlUnescape.unescape("&amp;amp;")); // once only
        assertEquals("\uFFFD", HtmlUnescape.unescape("&#xD800;"));
        assertEquals("", HtmlUnescape.unescape("&#1;"));
        // documented gap: rare HTML5 names outside our table stay as they are (Python: U+2AA2 U+0338)
        assertEquals("&NotNestedGreaterGreater;", HtmlUnescape.unescape("&NotNestedGreaterGreater;"));
        assertEquals("a photo", ClipTokenizer.clean("  A\u00a0 &amp;nbsp;photo ".replace("&amp;nbsp;", "")));
    }
}
