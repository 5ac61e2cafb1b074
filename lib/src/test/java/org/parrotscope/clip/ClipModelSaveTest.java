package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipModelSaveTest {

    @TempDir
    Path tmp;

    @Test
    void savedModel_reloadsWithIdenticalTensorsInOpenClipNames() throws Exception {
        ClipConfig tiny = ClipPresets.load("tiny");
        Path dir = tmp.resolve("tiny");
        Map<String, float[]> before;
        try (ClipModel m = ClipModel.create(tiny, 11)) {
            before = m.stateDict();
            m.save(dir);
        }
        try (SafetensorsFile f = SafetensorsFile.open(dir.resolve("model.safetensors"))) {
            assertEquals(302 - 24 * 12 + 4 * 12, f.names().size()); // 2+2 layers instead of 12+12
            assertArrayEquals(new long[] {}, f.info("logit_scale").shape()); // OpenCLIP's 0-d parameter
            assertArrayEquals(new long[] {64, 32}, f.info("visual.proj").shape());
            assertEquals(SafeDType.F32, f.info("visual.proj").dtype());
        }
        try (ClipModel back = ClipModel.load(dir)) {
            assertEquals(tiny, back.config());
            back.stateDict().forEach((k, v) -> assertArrayEquals(before.get(k), v, k));
            assertTrue(back.preprocessConfig().has("mean"));
        }
    }

    @Test
    void fixtureModel_savedWithItsTokenizer_keepsPreprocessingAndFeatures() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        for (String f : new String[] {"config.json", "model.safetensors"}) {
            Files.createSymbolicLink(
                    src.resolve(f), Fixtures.dir(Fixtures.GELU).resolve(f).toAbsolutePath());
        }
        Files.createSymbolicLink(
                src.resolve("bpe_simple_vocab_16e6.txt.gz"), Fixtures.bpe().toAbsolutePath());
        Path out = tmp.resolve("out");
        float[] px = Fixtures.tensor(Fixtures.GELU, "pixels.safetensors", "pixel_values");
        try (ClipModel m = ClipModel.load(src)) {
            m.save(out);
            try (ClipModel back = ClipModel.load(out)) {
                float[][] a = m.encodeImages(px, 4);
                float[][] b = back.encodeImages(px, 4);
                for (int i = 0; i < 4; i++) {
                    assertArrayEquals(a[i], b[i]);
                }
                assertEquals(m.preprocessConfig(), back.preprocessConfig());
            }
        }
        assertEquals(Files.size(Fixtures.bpe()), Files.size(out.resolve("bpe_simple_vocab_16e6.txt.gz")));
        assertTrue(!Files.isSymbolicLink(out.resolve("bpe_simple_vocab_16e6.txt.gz")));
    }
}
