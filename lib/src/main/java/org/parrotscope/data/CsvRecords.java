package org.parrotscope.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV records one at a time as raw bytes per field, so each field can be checked for
 * valid UTF-8 on its own (the delimiters are ASCII, so splitting bytes is safe for UTF-8). Quoted fields
 * may hold commas, doubled quotes and newlines; {@code \r\n} and {@code \n} both end a record.
 */
final class CsvRecords {

    /** One record and the line it starts on (1-based). */
    record Row(long line, List<byte[]> fields) {}

    /** A quote left open at the end of the file. */
    static final class MalformedException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private long line = 1;
    private boolean eof;

    CsvRecords(InputStream in) {
        this.in = in;
    }

    /** @return the next non-blank record, or null at the end */
    Row next() throws IOException {
        while (!eof) {
            long start = line;
            List<byte[]> fields = new ArrayList<>();
            ByteArrayOutputStream field = new ByteArrayOutputStream();
            boolean quoted = false;
            boolean sawAny = false;
            while (true) {
                int c = in.read();
                if (c < 0) {
                    eof = true;
                    if (quoted) {
                        throw new MalformedException(
                                "line " + start + ": a quoted field is not closed before the end of the file");
                    }
                    break;
                }
                sawAny = true;
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        int d = in.read();
                        if (d == '"') {
                            field.write('"');
                        } else {
                            quoted = false;
                            if (d >= 0) {
                                in.reset();
                            }
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.write(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toByteArray());
                    field.reset();
                } else if (c == '\n') {
                    line++;
                    break;
                } else if (c != '\r') {
                    field.write(c);
                }
            }
            fields.add(field.toByteArray());
            boolean blank = fields.size() == 1 && fields.get(0).length == 0;
            if (sawAny && !blank) {
                return new Row(start, fields);
            }
        }
        return null;
    }
}
