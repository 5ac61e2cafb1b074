package org.parrotscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.parrotscope.data.Sample;
import org.parrotscope.data.synth.Truth;

/** The mini-LAION prompt templates against what the generator actually writes. */
class ZeroShotTemplatesTest {

    @Test
    void miniLaionTemplates_nameEveryObjectColourOfGeneratedCaptions() {
        List<Sample> samples = EvalData.miniLaion(5, 400, 32, 0);
        Set<String> seen = new TreeSet<>();
        for (Sample s : samples) {
            seen.add(Truth.fromJson(s.metadata()).color());
        }
        Set<String> templated = new TreeSet<>();
        for (String t : ZeroShot.miniLaionTemplates()) {
            assertTrue(t.contains("{}"), t);
            for (String c : seen) {
                if ((" " + t + " ").contains(" " + c + " ")) {
                    templated.add(c);
                }
            }
        }
        assertEquals(11, seen.size(), "400 samples should show all 11 colours: " + seen);
        assertEquals(seen, templated);
        assertEquals(3 * seen.size(), ZeroShot.miniLaionTemplates().size());
    }
}
