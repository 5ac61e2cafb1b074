package org.parrotscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardOutputTest {

    @TempDir
    Path tmp;

    /** Valid records are lines starting with "r". */
    private static final Consumer<String> VALID = l -> {
        if (!l.startsWith("r")) {
            throw new IllegalArgumentException("not a record: " + l);
        }
    };

    @Test
    void check_removesTheTemporariesAKilledRunLeft_andNothingElse() throws IOException {
        ShardOutput so = ShardOutput.of(tmp.resolve("s.txt"));
        // what AtomicFiles.createTempSibling names them: .<name>.<base-36 random>.tmp
        List<Path> stale = List.of(
                tmp.resolve(".s.txt.3g5usnp584fnf.tmp"),
                tmp.resolve("." + so.marker().getFileName() + ".k2.tmp"),
                tmp.resolve("." + so.journal().getFileName() + ".0.tmp"));
        List<Path> kept = List.of(
                tmp.resolve(".other.txt.abc.tmp"), tmp.resolve(".s.txt.not-ours.tmp"), tmp.resolve("s.txt.tmp"));
        for (Path p : stale) {
            Files.writeString(p, "half");
        }
        for (Path p : kept) {
            Files.writeString(p, "keep");
        }
        assertEquals(ShardOutput.State.MISSING, so.check(VALID).state());
        stale.forEach(p -> assertTrue(Files.notExists(p), p.toString()));
        kept.forEach(p -> assertTrue(Files.exists(p), p.toString()));
    }

    @Test
    void completedOutput_isComplete_untilOneByteChanges() throws IOException {
        ShardOutput so = ShardOutput.of(tmp.resolve("s.txt"));
        assertEquals(ShardOutput.State.MISSING, so.check(VALID).state());
        so.complete(out -> out.write("r1\nr2\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ShardOutput.State.COMPLETE, so.check(VALID).state());
        assertTrue(Files.readString(so.marker()).contains("\"records\":2"));
        Files.writeString(so.target(), "r1\nr3\n"); // same size, same line count, other content
        ShardOutput.Check c = so.check(VALID);
        assertEquals(ShardOutput.State.DAMAGED, c.state());
        assertTrue(c.reason().contains("SHA-256"), c.reason());
    }

    @Test
    void recover_stopsAtTheFirstTornOrInvalidLine() throws IOException {
        ShardOutput so = ShardOutput.of(tmp.resolve("s.txt"));
        assertEquals(List.of(), so.recover(VALID));
        Files.writeString(so.journal(), "r1\nr2\nxx\nr4\nr5");
        assertEquals(List.of("r1", "r2"), so.recover(VALID));
        try (ShardOutput.Journal j = so.openJournal(List.of("r1", "r2"))) {
            j.append("r3");
        }
        assertEquals("r1\nr2\nr3\n", Files.readString(so.journal()));
    }
}
