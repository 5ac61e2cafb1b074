package org.parrotscope.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the records of a pax extended header: {@code "<length> <key>=<value>\n"}, length in bytes including itself.
 */
final class PaxRecords {

    private PaxRecords() {}

    static List<String[]> parse(byte[] data, long headerAt) throws TarReader.DamageException {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        while (i < data.length && data[i] != 0) {
            int sp = i;
            int len = 0;
            while (sp < data.length && data[sp] >= '0' && data[sp] <= '9') {
                len = len * 10 + (data[sp] - '0');
                sp++;
            }
            if (sp >= data.length
                    || data[sp] != ' '
                    || len <= sp - i
                    || i + len > data.length
                    || data[i + len - 1] != '\n') {
                throw new TarReader.DamageException(
                        "corrupt_tar", headerAt, "bad pax header at byte " + headerAt + ": malformed record");
            }
            String rec = new String(data, sp + 1, i + len - 1 - (sp + 1), StandardCharsets.UTF_8);
            int eq = rec.indexOf('=');
            if (eq <= 0) {
                throw new TarReader.DamageException(
                        "corrupt_tar", headerAt, "bad pax header at byte " + headerAt + ": record without '='");
            }
            out.add(new String[] {rec.substring(0, eq), rec.substring(eq + 1)});
            i += len;
        }
        return out;
    }
}
