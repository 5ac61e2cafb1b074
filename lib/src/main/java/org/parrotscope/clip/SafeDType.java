package org.parrotscope.clip;

import java.util.Optional;

/**
 * The element types of the safetensors format that ParrotScope reads, with their size in bytes. Names are
 * the header's {@code dtype} strings ({@code "F32"}, {@code "BF16"}, ...).
 */
public enum SafeDType {
    /** IEEE double. */
    F64(8, true),
    /** IEEE single, the type every tensor is converted to by {@link SafetensorsFile#floats(String)}. */
    F32(4, true),
    /** IEEE half. */
    F16(2, true),
    /** bfloat16: the upper 16 bits of an IEEE single. */
    BF16(2, true),
    /** Signed 64-bit integer. */
    I64(8, false),
    /** Signed 32-bit integer. */
    I32(4, false),
    /** Signed 16-bit integer. */
    I16(2, false),
    /** Signed 8-bit integer. */
    I8(1, false),
    /** Unsigned 8-bit integer. */
    U8(1, false),
    /** Boolean stored as one byte (0 or 1). */
    BOOL(1, false);

    private final int size;
    private final boolean floating;

    SafeDType(int size, boolean floating) {
        this.size = size;
        this.floating = floating;
    }

    /** @return bytes per element */
    public int size() {
        return size;
    }

    /** @return true for the floating-point types (F64, F32, F16, BF16) */
    public boolean isFloating() {
        return floating;
    }

    /**
     * Looks up a header dtype string.
     *
     * @param name the string, e.g. {@code "BF16"} (case-sensitive, as the format specifies)
     * @return the type, or empty when ParrotScope does not know it
     */
    public static Optional<SafeDType> parse(String name) {
        for (SafeDType t : values()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
