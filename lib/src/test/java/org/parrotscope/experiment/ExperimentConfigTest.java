package org.parrotscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading experiment configurations over the shipped default. */
class ExperimentConfigTest {

    @TempDir
    Path tmp;

    @Test
    void defaults_areMiniLaionWithCurationsOneAndTwo_andOneSeed() {
        ExperimentConfig d = ExperimentConfig.defaults();
        assertEquals(List.of("I", "II"), d.curations());
        assertEquals(List.of(0L), d.seeds());
        assertTrue(d.pool().generated());
        assertNull(d.referenceModel());
    }

    @Test
    void aFile_overridesOnlyTheKeysItNames_andResolvesPathsBesideIt() throws Exception {
        Path f = tmp.resolve("c.json");
        Files.writeString(f, """
                {"seeds": [1, 2], "train": {"steps": 7}, "reference_model": "models/clip",
                 "pool": {"shards": ["shards/{00000..00003}.tar"]}}
                """);
        ExperimentConfig c = ExperimentConfig.read(f);
        ExperimentConfig d = ExperimentConfig.defaults();
        assertEquals(List.of(1L, 2L), c.seeds());
        assertEquals(7, c.train().steps());
        assertEquals(d.train().batch(), c.train().batch());
        assertEquals(d.train().preset(), c.train().preset());
        assertEquals(tmp.resolve("models/clip"), c.referenceModel());
        assertEquals(
                List.of(tmp.resolve("shards/{00000..00003}.tar").toString()),
                c.pool().shards());
        assertEquals(d.curations(), c.curations());
    }

    @Test
    void aMalformedValue_isNamedWithItsFileAndKey() throws Exception {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\"train\": {\"steps\": \"many\"}}");
        var e = assertThrows(IllegalArgumentException.class, () -> ExperimentConfig.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("train.steps"), e.getMessage());
    }

    @Test
    void toJson_readsBackToTheSameConfiguration() {
        ExperimentConfig d = ExperimentConfig.defaults().withSeeds(List.of(4L, 5L));
        ExperimentConfig back =
                ExperimentConfig.parse(org.parrotscope.util.Json.PRETTY.toJson(d.toJson()), "x.json", Path.of("/"));
        assertEquals(d, back);
    }

    @Test
    void overrides_replaceDottedKeys_listsFromCommas_blankLeavesAlone() {
        ExperimentConfig c = ExperimentConfig.defaults()
                .withOverrides(java.util.Map.of(
                        "pool.samples", "300", "seeds", "0,1,2", "ocr.engine", "oracle", "train.steps", ""));
        assertEquals(300, c.pool().samples());
        assertEquals(List.of(0L, 1L, 2L), c.seeds());
        assertEquals("oracle", c.ocr().engine());
        assertEquals(ExperimentConfig.defaults().train().steps(), c.train().steps());
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> ExperimentConfig.defaults().withOverrides(java.util.Map.of("pool.size", "3")));
        assertTrue(e.getMessage().contains("pool.size"), e.getMessage());
    }
}
