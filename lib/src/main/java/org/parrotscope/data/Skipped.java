package org.parrotscope.data;

import java.util.Objects;

/**
 * One sample (or one damaged stretch of a shard) left out of a run, or one non-fatal problem noted
 * while reading, with enough context to find it again.
 *
 * <p>Reason codes are snake_case and stable, so reports can be grouped and compared across runs:
 * {@code truncated_tar}, {@code corrupt_tar}, {@code missing_image}, {@code empty_file},
 * {@code corrupt_image}, {@code unsupported_image}, {@code too_many_pixels}, {@code too_large},
 * {@code unreadable_file}, {@code missing_caption}, {@code duplicate_key}, {@code malformed_row}, {@code engine_error}
 * (used by
 * later stages); warnings (kept samples) use {@code invalid_utf8_caption}, {@code malformed_json},
 * {@code extra_image}.
 *
 * @param key the sample key, or {@code ""} when unknown (e.g. a damaged tar header)
 * @param source the shard file or folder the sample came from
 * @param reason the snake_case reason code
 * @param detail a human explanation: the entry name, byte offset, decoder message...
 */
public record Skipped(String key, String source, String reason, String detail) {

    /** Validates the fields; a null key, source or detail becomes {@code ""}. */
    public Skipped {
        key = key == null ? "" : key;
        source = source == null ? "" : source;
        Objects.requireNonNull(reason, "reason");
        if (!reason.matches("[a-z0-9]+(_[a-z0-9]+)*")) {
            throw new IllegalArgumentException("reason must be a snake_case code: " + reason);
        }
        detail = detail == null ? "" : detail;
    }

    /** @return one line for logs: {@code reason key @ source: detail} */
    @Override
    public String toString() {
        return reason + " " + (key.isEmpty() ? "-" : key) + " @ " + source + (detail.isEmpty() ? "" : ": " + detail);
    }
}
