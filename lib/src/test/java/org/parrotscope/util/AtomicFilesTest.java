package org.parrotscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path tmp;

    @Test
    void writtenFile_hasThePermissionsOfAPlainNewFile() throws IOException {
        // A file made by Files.createFile gets 0666 minus the process umask: the reference.
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("plain.txt")));
        Path out = tmp.resolve("sub/atomic.txt");
        AtomicFiles.writeString(out, "hello");
        assertEquals(expected, Files.getPosixFilePermissions(out));
        assertEquals("hello", Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void failingWriter_leavesTargetUnchangedAndNoTemporaryFile() throws IOException {
        Path out = tmp.resolve("kept.txt");
        AtomicFiles.writeString(out, "old");
        assertThrows(
                IOException.class,
                () -> AtomicFiles.write(out, o -> {
                    o.write(1);
                    throw new IOException("disk full");
                }));
        assertEquals("old", Files.readString(out, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count(), "only the target is left");
        }
    }

    @Test
    void tempSiblings_areDistinctHiddenFilesBesideTheTarget() throws IOException {
        Path target = tmp.resolve("t.csv");
        Path a = AtomicFiles.createTempSibling(target);
        Path b = AtomicFiles.createTempSibling(target);
        assertTrue(!a.equals(b));
        assertEquals(tmp, a.getParent());
        assertTrue(
                a.getFileName().toString().startsWith(".t.csv.") && a.toString().endsWith(".tmp"));
        assertEquals(0, Files.size(a));
    }
}
