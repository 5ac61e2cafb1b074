package org.parrotscope.data.synth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads tar shards with Apache Commons Compress: an implementation independent of our writer. */
final class TarEntries {

    private TarEntries() {}

    /** @return every entry of one shard, name to content, in archive order */
    static Map<String, byte[]> read(Path tar) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tar);
                TarArchiveInputStream t = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = t.getNextEntry()) != null) {
                out.put(e.getName(), t.readAllBytes());
            }
        }
        return out;
    }

    /** @return the shards of a folder in name order */
    static List<Path> shards(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tar"))
                    .sorted()
                    .toList();
        }
    }

    /** @return the entries of every shard of a folder, concatenated in shard order */
    static Map<String, byte[]> readAll(Path dir) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Path p : shards(dir)) {
            out.putAll(read(p));
        }
        return out;
    }

    /** @return the names of the entries ending in {@code .json} */
    static List<String> jsonNames(Map<String, byte[]> entries) {
        List<String> names = new ArrayList<>();
        entries.keySet().stream().filter(n -> n.endsWith(".json")).forEach(names::add);
        return names;
    }
}
