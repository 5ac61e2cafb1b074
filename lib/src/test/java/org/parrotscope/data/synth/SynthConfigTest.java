package org.parrotscope.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SynthConfigTest {

    @Test
    void builder_appliesDocumentedDefaults() {
        SynthConfig c = SynthConfig.builder().setSeed(1).setSamples(2500).build();
        assertEquals(1000, c.shardSize());
        assertEquals(256, c.imageSize());
        assertEquals(0.546, c.textRate());
        assertEquals("jpg", c.format());
        assertEquals(3, c.shards());
        assertEquals(1 - 0.46 - 0.25 - 0.10, c.descriptiveRate(), 1e-12);
    }

    @Test
    void build_rejectsMissingSeedRatesAboveOneAndUnknownFormat() {
        assertThrows(
                IllegalStateException.class,
                () -> SynthConfig.builder().setSamples(3).build());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SynthConfig.builder()
                        .setSeed(1)
                        .setSamples(3)
                        .optParrotRate(0.8)
                        .optMixedRate(0.3)
                        .build());
        assertTrue(e.getMessage().contains("<= 1"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> SynthConfig.builder()
                        .setSeed(1)
                        .setSamples(3)
                        .optTextRate(1.5)
                        .build());
        assertThrows(
                IllegalArgumentException.class,
                () -> SynthConfig.builder()
                        .setSeed(1)
                        .setSamples(3)
                        .optFormat("gif")
                        .build());
        assertEquals(
                "jpg",
                SynthConfig.builder()
                        .setSeed(1)
                        .setSamples(3)
                        .optFormat("JPEG")
                        .build()
                        .format());
    }

    @Test
    void build_rejectsTextScaleOutsideItsRangeAndWithTheHardLayouts() {
        assertEquals(1.0, SynthConfig.builder().setSeed(1).setSamples(3).build().textScale());
        for (double bad : new double[] {0, 0.2, 4.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> SynthConfig.builder()
                            .setSeed(1)
                            .setSamples(3)
                            .optTextScale(bad)
                            .build());
            assertTrue(e.getMessage().contains("text scale"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SynthConfig.builder()
                        .setSeed(1)
                        .setSamples(3)
                        .optHard(true)
                        .optTextScale(2)
                        .build());
        assertTrue(e.getMessage().contains("--hard"), e.getMessage());
    }
}
