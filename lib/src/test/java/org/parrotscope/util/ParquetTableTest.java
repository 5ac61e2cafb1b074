package org.parrotscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing, reading back and checking a table's per-shard file without Spark or a Hadoop filesystem. */
class ParquetTableTest {

    static final ParquetTable T = new ParquetTable(
            "t",
            "2",
            MessageTypeParser.parseMessageType("message m { required binary key (STRING); optional double v; }"));

    @TempDir
    Path tmp;

    static List<Group> rows(int n) {
        List<Group> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Group g = T.factory().newGroup();
            g.add("key", "k" + i);
            if (i % 2 == 0) {
                g.add("v", i / 4.0);
            }
            rows.add(g);
        }
        return rows;
    }

    @Test
    void writtenFile_isComplete_andReadsBackInOrder() throws IOException {
        Path f = tmp.resolve("a.parquet");
        assertEquals("missing", T.damage(f));
        T.writeAtomically(f, rows(5));
        assertNull(T.damage(f));
        List<Group> back = T.read(f);
        assertEquals(5, back.size());
        assertEquals("k3", back.get(3).getString("key", 0));
        assertEquals(0, back.get(3).getFieldRepetitionCount("v"));
        assertEquals(1.0, back.get(4).getDouble("v", 0));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(f), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void truncatedFile_otherTableOrVersion_areDamaged() throws IOException {
        Path f = tmp.resolve("b.parquet");
        T.writeAtomically(f, rows(40));
        ParquetTable other = new ParquetTable("u", "2", T.schema());
        assertTrue(other.damage(f).contains("holds table t"), other.damage(f));
        ParquetTable newer = new ParquetTable("t", "3", T.schema());
        assertTrue(newer.damage(f).contains("schema version 2"), newer.damage(f));
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(r.length() - 10);
        }
        assertTrue(T.damage(f).startsWith("unreadable"), T.damage(f));
        IOException e = assertThrows(IOException.class, () -> T.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }
}
