package org.parrotscope.util;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Peak memory of this process, for benchmark reports: the resident-set high-water mark ({@code VmHWM} of
 * {@code /proc/self/status}, which counts native tensors and the JVM alike) and the peak JVM heap.
 */
public final class PeakMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {}

    /** @return this process's {@code VmHWM} in bytes, or -1 off Linux (no readable {@code /proc/self/status}) */
    public static long residentBytes() {
        try {
            return Files.isReadable(STATUS) ? vmHwmBytes(Files.readAllLines(STATUS)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Reads the {@code VmHWM} line of a {@code /proc/<pid>/status} text.
     *
     * @param statusLines the lines of the status file
     * @return the high-water mark in bytes (the kernel prints kB), or -1 when the line is missing or malformed
     */
    static long vmHwmBytes(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring(6).strip().split("\\s+");
                try {
                    return Long.parseLong(parts[0]) * 1024;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** @return the sum of the peak usage of the JVM's heap pools, in bytes */
    public static long heapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
