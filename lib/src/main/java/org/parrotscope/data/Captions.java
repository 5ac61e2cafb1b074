package org.parrotscope.data;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes caption bytes as UTF-8, noting when the bytes were not valid UTF-8. */
final class Captions {

    /** A decoded caption; {@code flagged} when invalid bytes were replaced with U+FFFD. */
    record Text(String text, boolean flagged) {}

    private Captions() {}

    static Text decode(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new Text(s, false);
        } catch (CharacterCodingException e) {
            return new Text(new String(bytes, StandardCharsets.UTF_8), true); // String(byte[]) replaces with U+FFFD
        }
    }

    /** Strips surrounding whitespace and a leading byte-order mark. */
    static String clean(String s) {
        String t = s.startsWith("\uFEFF") ? s.substring(1) : s;
        return t.strip();
    }
}
