package org.parrotscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetsTest {

    @TempDir
    Path tmp;

    private Path shards;

    @BeforeEach
    void makeShards() throws IOException {
        shards = tmp.resolve("shards");
        Files.createDirectories(shards);
        byte[] jpg = TestFiles.image("jpg", 8, 8, Color.GRAY);
        for (int i = 0; i < 3; i++) {
            Map<String, byte[]> m = TestFiles.ordered();
            TestFiles.sample(m, String.format("%05d%04d", i, 0), "jpg", jpg, "shard " + i, null);
            TestFiles.sample(m, String.format("%05d%04d", i, 1), "jpg", jpg, "shard " + i, null);
            Path files = tmp.resolve("files" + i);
            TestFiles.gnuTar(files, TestFiles.files(files, m), shards.resolve(String.format("%05d.tar", i)), "ustar");
        }
        Files.writeString(shards.resolve("00000.parquet"), "not a shard");
        Files.writeString(shards.resolve("00000_stats.json"), "{}");
    }

    private List<String> names(String... specs) throws IOException {
        return Datasets.resolve(Arrays.asList(specs)).stream().map(Shard::name).toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "s/{00000..00002}.tar",
                "{a,b}-{1..2}",
                "x{8..10}y",
                "{3..1}",
                "pre{x}post",
                "{a,{b,c}}d",
                "{-1..1}",
                "{0..2}{1..0}"
            })
    void braceExpansion_matchesBash(String spec) throws IOException {
        String bash =
                TestFiles.run(List.of("bash", "-c", "printf '%s\\n' " + spec)).strip();
        assertEquals(Arrays.asList(bash.split("\n")), ShardSpecs.braces(spec));
    }

    @Test
    void braceRange_resolvesEveryShardInOrder() throws IOException {
        assertEquals(List.of("00000", "00001", "00002"), names(shards + "/{00000..00002}.tar"));
    }

    @Test
    void braceRangeWithAMissingShard_failsNamingIt() {
        IOException e = assertThrows(IOException.class, () -> names(shards + "/{00000..00003}.tar"));
        assertTrue(e.getMessage().contains("00003.tar"), e.getMessage());
    }

    @Test
    void glob_matchesOnlyTarsSorted() throws IOException {
        assertEquals(List.of("00000", "00001", "00002"), names(shards + "/*"));
        assertEquals(List.of("00001", "00002"), names(shards + "/0000[12].tar"));
        assertEquals(List.of("00000", "00001", "00002"), names(tmp + "/**.tar"));
    }

    @Test
    void fileNamedLikeAGlob_isTakenLiterally() throws IOException {
        Files.copy(shards.resolve("00001.tar"), shards.resolve("odd[1].tar"));
        assertEquals(List.of("odd[1]"), names(shards + "/odd[1].tar"));
    }

    @Test
    void folderOfShards_andDuplicateSpecs_giveEachShardOnce() throws IOException {
        assertEquals(List.of("00000", "00001", "00002"), names(shards.toString(), shards + "/00001.tar"));
        assertEquals(
                List.of("00002", "00000"),
                names(shards + "/00002.tar", shards + "/00000.tar"),
                "specs keep their order");
    }

    @Test
    void specMatchingNothing_failsNamingTheSpec() {
        String spec = tmp + "/nowhere/*.tar";
        IOException e = assertThrows(IOException.class, () -> names(spec));
        assertTrue(e.getMessage().contains(spec), e.getMessage());
        IOException none = assertThrows(IOException.class, () -> names(tmp + "/missing.tar"));
        assertTrue(none.getMessage().contains("missing.tar"), none.getMessage());
        IOException empty = assertThrows(
                IOException.class, () -> names(tmp.resolve("files0").toString()));
        assertTrue(empty.getMessage().contains("captions"), empty.getMessage());
    }

    @Test
    void sameKeyInTwoShards_isSkippedAsDuplicateOnce() throws IOException {
        Files.copy(shards.resolve("00001.tar"), tmp.resolve("copy.tar"));
        List<Shard> all = Datasets.resolve(List.of(shards + "/*.tar", tmp + "/copy.tar"));
        SkipLog skips = new SkipLog();
        long n;
        try (SampleStream s = Datasets.open(all, skips)) {
            n = s.stream().count();
        }
        assertEquals(6, n);
        assertEquals(Map.of("duplicate_key", 2L), skips.countsByReason());
        assertTrue(skips.entries().get(0).source().endsWith("copy.tar"));
    }
}
