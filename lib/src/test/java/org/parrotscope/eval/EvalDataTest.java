package org.parrotscope.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parrotscope.data.Sample;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.SynthConfig;

class EvalDataTest {

    @Test
    void generatedSetsAreTheGeneratorsSamplesAndGeneratedOncePerArguments() {
        List<Sample> first = EvalData.miniLaion(424242, 6, 32, 0.5);
        MiniLaion gen = new MiniLaion(SynthConfig.builder()
                .setSeed(424242)
                .setSamples(6)
                .optImageSize(32)
                .optTextRate(0.5)
                .optFormat("png")
                .build());
        for (int i = 0; i < 6; i++) {
            Sample fresh = gen.generate(i).sample();
            assertEquals(fresh.key(), first.get(i).key());
            assertEquals(fresh.caption(), first.get(i).caption());
            assertArrayEquals(fresh.imageBytes(), first.get(i).imageBytes());
        }
        assertSame(first, EvalData.miniLaion(424242, 6, 32, 0.5));
        assertThrows(UnsupportedOperationException.class, () -> first.remove(0));
    }

    @Test
    void keepsOnlyTheLastFourSets() {
        List<Sample> a = EvalData.miniLaion(515151, 2, 32, 0);
        for (int seed = 1; seed <= 4; seed++) {
            EvalData.miniLaion(515151 + seed, 2, 32, 0);
        }
        List<Sample> again = EvalData.miniLaion(515151, 2, 32, 0);
        assertNotSame(a, again);
        assertEquals(a.get(1).caption(), again.get(1).caption());
    }
}
