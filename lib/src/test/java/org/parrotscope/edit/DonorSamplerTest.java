package org.parrotscope.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parrotscope.ocr.Box;
import org.parrotscope.ocr.Quad;

class DonorSamplerTest {

    private static TextRegions regions(String key, boolean co) {
        Quad q = new Box(1, 1, 5, 5).toQuad();
        return new TextRegions(key, 10, 10, List.of(q), co ? List.of(q) : List.of());
    }

    @Test
    void donor_isNeverTheTarget_andUniformOverTheOthers() {
        List<TextRegions> pool =
                List.of(regions("a", true), regions("b", true), regions("c", true), regions("d", true));
        Map<String, Integer> counts = new HashMap<>();
        for (int seed = 0; seed < 3000; seed++) {
            String d = new DonorSampler(pool, seed)
                    .donor("a", Removal.ALL)
                    .orElseThrow()
                    .key();
            assertNotEquals("a", d);
            counts.merge(d, 1, Integer::sum);
        }
        // 3 others, 1000 expected each; binomial sd ~26, so 850..1150 is > 5 sd
        for (String k : List.of("b", "c", "d")) {
            assertTrue(counts.get(k) > 850 && counts.get(k) < 1150, counts.toString());
        }
    }

    @Test
    void donor_dependsOnlyOnSeedAndKey_notOnThePoolOrder() {
        List<TextRegions> pool = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pool.add(regions("k" + i, true));
        }
        List<TextRegions> reversed = new ArrayList<>(pool);
        java.util.Collections.reverse(reversed);
        DonorSampler a = new DonorSampler(pool, 7);
        DonorSampler again = new DonorSampler(pool, 7);
        for (int i = 0; i < 20; i++) {
            assertEquals(a.donor("k" + i, Removal.CO), again.donor("k" + i, Removal.CO));
        }
        // the choice is an index into the candidates, so another order may pick another donor, but never the target
        new DonorSampler(reversed, 7).donor("k3", Removal.ALL).ifPresent(d -> assertNotEquals("k3", d.key()));
    }

    @Test
    void coDonors_needCoEmbText_andALoneImageHasNoDonor() {
        List<TextRegions> pool = List.of(regions("a", true), regions("b", false));
        DonorSampler s = new DonorSampler(pool, 1);
        assertEquals(1, s.candidates(Removal.CO));
        assertEquals(2, s.candidates(Removal.ALL));
        assertTrue(s.donor("a", Removal.CO).isEmpty(), "a is the only Co donor");
        assertEquals("a", s.donor("b", Removal.CO).orElseThrow().key());
        assertEquals("b", s.donor("a", Removal.ALL).orElseThrow().key());
    }
}
