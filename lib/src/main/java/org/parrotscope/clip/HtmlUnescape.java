package org.parrotscope.clip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML character reference decoding with the rules of Python's {@code html.unescape}, which OpenCLIP applies
 * twice to every caption before tokenising. Numeric references ({@code &#233;}, {@code &#xE9;}, with or
 * without the semicolon) follow Python exactly, including the windows-1252 remapping of 0x80-0x9F and the
 * dropped control and non-characters. Named references cover the 252 HTML 4 entities, their 106 legacy
 * forms without semicolon (with Python's longest-prefix rule: {@code &notit;} becomes {@code ¬it;}) and
 * about 80 common HTML5 names, listed in {@code html-entities.txt}; the rarer of the 2,231 HTML5 names
 * ({@code &NotNestedGreaterGreater;}) are left as they are.
 */
public final class HtmlUnescape {

    private static final Pattern CHARREF =
            Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");

    /** Keys as Python's {@code html.entities.html5}: {@code "amp;"} for every name, {@code "amp"} for legacy ones. */
    private static final Map<String, String> ENTITIES = load();

    private HtmlUnescape() {}

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        try (InputStream in = HtmlUnescape.class.getResourceAsStream("html-entities.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                StringBuilder value = new StringBuilder();
                for (String cp : f[1].split(",")) {
                    value.appendCodePoint(Integer.parseInt(cp, 16));
                }
                boolean legacy = f[0].endsWith("*");
                String name = legacy ? f[0].substring(0, f[0].length() - 1) : f[0];
                m.put(name + ";", value.toString());
                if (legacy) {
                    m.put(name, value.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read html-entities.txt", e);
        }
        return Map.copyOf(m);
    }

    /** @return the number of named references known (with and without semicolon) */
    static int namedCount() {
        return ENTITIES.size();
    }

    /**
     * Replaces character references as Python's {@code html.unescape} does.
     *
     * @param s the text
     * @return the text with references decoded
     */
    public static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = CHARREF.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replace(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replace(String s) {
        if (s.charAt(0) == '#') {
            boolean hex = s.charAt(1) == 'x' || s.charAt(1) == 'X';
            String digits = s.substring(hex ? 2 : 1);
            if (digits.endsWith(";")) {
                digits = digits.substring(0, digits.length() - 1);
            }
            String significant = digits.replaceFirst("^0+", "");
            // more than 8 significant digits is beyond U+10FFFF in either base; skip parsing a hostile digit run
            return significant.length() > 8
                    ? "\uFFFD"
                    : numeric(significant.isEmpty() ? 0 : Long.parseLong(significant, hex ? 16 : 10));
        }
        String v = ENTITIES.get(s);
        if (v != null) {
            return v;
        }
        // longest legacy name that prefixes the reference, as the HTML5 spec and Python do
        for (int x = s.length() - 1; x > 1; x--) {
            v = ENTITIES.get(s.substring(0, x));
            if (v != null) {
                return v + s.substring(x);
            }
        }
        return "&" + s;
    }

    private static String numeric(long value) {
        if (value > 0x10FFFF) {
            return "\uFFFD";
        }
        int num = (int) value;
        if (num == 0) {
            return "\uFFFD";
        }
        if (num == 0x0d) {
            return "\r";
        }
        if (num >= 0x80 && num <= 0x9f) {
            return String.valueOf(WINDOWS_1252[num - 0x80]);
        }
        if (num >= 0xD800 && num <= 0xDFFF) {
            return "\uFFFD";
        }
        if ((num >= 0x1 && num <= 0x8)
                || num == 0xb
                || (num >= 0xe && num <= 0x1f)
                || num == 0x7f
                || (num >= 0xfdd0 && num <= 0xfdef)
                || (num & 0xfffe) == 0xfffe) {
            return ""; // control and non-characters are dropped
        }
        return new String(Character.toChars(num));
    }

    /**
     * What browsers (and Python) substitute for references to C1 controls: the windows-1252 character, or the
     * control itself where windows-1252 has none.
     */
    private static final char[] WINDOWS_1252 = {
        '\u20ac', '\u0081', '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021',
        '\u02c6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008d', '\u017d', '\u008f',
        '\u0090', '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013', '\u2014',
        '\u02dc', '\u2122', '\u0161', '\u203a', '\u0153', '\u009d', '\u017e', '\u0178'
    };
}
