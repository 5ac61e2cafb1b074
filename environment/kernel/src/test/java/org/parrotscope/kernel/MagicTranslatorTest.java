package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MagicTranslatorTest {

    private final MagicTranslator t = new MagicTranslator();

    @Test
    void lineMagicOnItsOwnLine_becomesLineMagicCall() {
        assertEquals(
                " lineMagic(\"maven\", java.util.List.of(\"g:a:1\", \"g:b:2\"));\nint x = 1;",
                t.translate("%maven g:a:1 g:b:2\nint x = 1;"));
    }

    @Test
    void lineMagicAfterAssignment_becomesTheValue() {
        assertEquals(
                "List<String> jars = lineMagic(\"jars\", java.util.List.of(\"dir with space/*.jar\"));",
                t.translate("List<String> jars = %jars \"dir with space/*.jar\""));
    }

    @Test
    void percentInsideExpressions_isUntouched() {
        assertEquals("int r = 7 % 3;", t.translate("int r = 7 % 3;"));
    }

    @Test
    void cellMagic_passesArgsAndBody() {
        assertEquals(
                "cellMagic(\"loadFromPOM\", java.util.List.of(\"compile\"), \"<dependency>\\n  <x>\\\"q\\\"</x>\\n</dependency>\");",
                t.translate("%%loadFromPOM compile\n<dependency>\n  <x>\"q\"</x>\n</dependency>"));
    }

    @Test
    void literal_escapesControlCharacters() {
        assertEquals("\"a\\\\b\\tc\\u0001\"", MagicTranslator.literal("a\\b\tc\u0001"));
    }
}
