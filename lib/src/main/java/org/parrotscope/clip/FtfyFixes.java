package org.parrotscope.clip;

import java.text.Normalizer;
import java.util.Map;

/**
 * The character-level repairs of {@code ftfy.fix_text} (ftfy 6 defaults), which OpenCLIP applies to every caption
 * before its HTML unescaping: curly quotes straightened, Latin ligatures split, full-width forms narrowed, NFC
 * composition. They matter for real web captions ({@code don’t} must tokenize as {@code don 't}). Not reproduced:
 * ftfy's mojibake detection ({@code "CafÃ©"} stays as it is) and its extra HTML-entity pass, which only differs from
 * OpenCLIP's two {@code html.unescape} passes on triple-escaped text.
 */
final class FtfyFixes {

    /** ftfy's {@code LIGATURES}: Latin ligature code points and their letters. */
    private static final Map<Integer, String> LIGATURES = Map.ofEntries(
            Map.entry(0x0132, "IJ"),
            Map.entry(0x0133, "ij"),
            Map.entry(0x0149, "\u02bcn"),
            Map.entry(0x01F1, "DZ"),
            Map.entry(0x01F2, "Dz"),
            Map.entry(0x01F3, "dz"),
            Map.entry(0x01C4, "D\u017d"),
            Map.entry(0x01C5, "D\u017e"),
            Map.entry(0x01C6, "d\u017e"),
            Map.entry(0x01C7, "LJ"),
            Map.entry(0x01C8, "Lj"),
            Map.entry(0x01C9, "lj"),
            Map.entry(0x01CA, "NJ"),
            Map.entry(0x01CB, "Nj"),
            Map.entry(0x01CC, "nj"),
            Map.entry(0xFB00, "ff"),
            Map.entry(0xFB01, "fi"),
            Map.entry(0xFB02, "fl"),
            Map.entry(0xFB03, "ffi"),
            Map.entry(0xFB04, "ffl"),
            Map.entry(0xFB05, "\u017ft"),
            Map.entry(0xFB06, "st"));

    private FtfyFixes() {}

    /**
     * Applies the repairs.
     *
     * @param text the raw caption
     * @return the repaired caption (the same string when nothing applies)
     */
    static String fix(String text) {
        boolean plain = true;
        for (int i = 0; i < text.length() && plain; i++) {
            plain = text.charAt(i) < 0x80;
        }
        if (plain) {
            return text; // nothing below U+0080 is touched
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String lig = LIGATURES.get(cp);
            if (lig != null) {
                sb.append(lig);
            } else if (cp == 0x02BC || (cp >= 0x2018 && cp <= 0x201B)) {
                sb.append('\''); // uncurl_quotes: single quotes
            } else if (cp >= 0x201C && cp <= 0x201F) {
                sb.append('"'); // uncurl_quotes: double quotes
            } else if (cp == 0x3000) {
                sb.append(' '); // fix_character_width maps the ideographic space too
            } else if (cp >= 0xFF01 && cp < 0xFFF0) {
                sb.append(Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC)); // full/half width
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return Normalizer.normalize(sb, Normalizer.Form.NFC);
    }
}
