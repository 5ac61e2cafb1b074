package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** ftfy's character repairs, hand-written expectations from ftfy's documented fixes. */
class FtfyFixesTest {

    @Test
    void curlyQuotes_becomeStraight() {
        assertEquals("don't say \"hi\" 'x'", FtfyFixes.fix("don\u2019t say \u201chi\u201d \u2018x\u2019"));
    }

    @Test
    void ligaturesFullWidthAndDecomposedAccents_areRepaired() {
        assertEquals("file office", FtfyFixes.fix("\ufb01le o\ufb03ce"));
        assertEquals("Hello, 42!", FtfyFixes.fix("\uff28\uff45\uff4c\uff4c\uff4f\uff0c\u300042\uff01"));
        assertEquals("caf\u00e9", FtfyFixes.fix("cafe\u0301"));
        assertEquals("D\u017d", FtfyFixes.fix("\u01c4"));
    }

    @Test
    void asciiText_isReturnedUnchanged() {
        String s = "a photo of a stop sign";
        assertSame(s, FtfyFixes.fix(s));
    }

    @Test
    void curlyApostrophe_tokenizesLikeTheStraightOne() throws Exception {
        ClipTokenizer tok = ClipTokenizer.fromFile(IoFixtures.bpe());
        assertArrayEquals(tok.encode("don't"), tok.encode("don\u2019t"));
    }
}
