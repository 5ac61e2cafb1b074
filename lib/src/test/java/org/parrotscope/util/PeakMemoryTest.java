package org.parrotscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeakMemoryTest {

    @Test
    void vmHwm_isReadInKibibytesAndConvertedToBytes() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9999 kB", "VmHWM:\t    2048 kB", "VmRSS:\t 1000 kB");
        assertEquals(2048L * 1024, PeakMemory.vmHwmBytes(status));
    }

    @Test
    void vmHwm_missingOrMalformedIsUnknown() {
        assertEquals(-1, PeakMemory.vmHwmBytes(List.of("Name:\tjava")));
        assertEquals(-1, PeakMemory.vmHwmBytes(List.of("VmHWM:\tlots kB")));
    }

    @Test
    void residentBytes_onLinuxIsAtLeastTheCurrentResidentSet() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            assertEquals(-1, PeakMemory.residentBytes());
            return;
        }
        long rss = Files.readAllLines(status).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
                .findFirst()
                .orElseThrow();
        // the high-water mark never falls below a resident set measured before it
        assertTrue(PeakMemory.residentBytes() >= rss);
        assertTrue(PeakMemory.heapBytes() > 0);
    }
}
