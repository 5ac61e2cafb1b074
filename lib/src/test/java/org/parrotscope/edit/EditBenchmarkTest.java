package org.parrotscope.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditBenchmarkTest {

    @TempDir
    Path tmp;

    @Test
    void inpainting_editsEveryImage_andFormatsOneLinePerResult() {
        EditBenchmark.Result r = EditBenchmark.inpainting(64, 48, 3, 2, InpaintConfig.DEFAULT);
        assertEquals("inpaint 64x48", r.what());
        assertEquals(3, r.items());
        assertEquals(2, r.threads());
        assertTrue(r.seconds() > 0 && r.perSecond() > 0);
        String table = EditBenchmark.format(List.of(r, new EditBenchmark.Result("ablate mini", 2, 10, 4.0)));
        assertEquals(3, table.lines().count(), table);
        assertTrue(table.lines().toList().get(2).endsWith("2.5"), "10 pairs in 4 s: " + table);
    }

    @Test
    void ablation_scoresRawAndEditedPairsOfTheGeneratedPool() throws Exception {
        EditBenchmark.Result r = EditBenchmark.ablation("tiny", 12, 2, 8, tmp);
        assertEquals("ablate tiny", r.what());
        // every sample is scored raw; text images add at least All removed and its random baseline
        assertTrue(r.items() > 12, "pairs: " + r.items());
    }
}
