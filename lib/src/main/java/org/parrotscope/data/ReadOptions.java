package org.parrotscope.data;

/**
 * How readers treat borderline samples.
 *
 * @param keepMissingCaptions keep samples whose caption is missing or blank (with caption {@code ""})
 *     instead of skipping them as {@code missing_caption}; default false, because every later stage
 *     (CoTR, CLIP scores) needs a caption
 * @param maxEntryBytes the largest file (tar entry or image) read into memory; larger ones are skipped
 *     as {@code too_large}; default 256 MiB
 */
public record ReadOptions(boolean keepMissingCaptions, long maxEntryBytes) {

    /** The default maximum entry size, 256 MiB. */
    public static final long DEFAULT_MAX_ENTRY_BYTES = 256L << 20;

    private static final ReadOptions DEFAULTS = builder().build();

    /** Validates the fields. */
    public ReadOptions {
        if (maxEntryBytes <= 0 || maxEntryBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(
                    "maxEntryBytes must be in 1.." + (Integer.MAX_VALUE - 16) + ": " + maxEntryBytes);
        }
    }

    /** @return the defaults: skip missing captions, 256 MiB entries */
    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ReadOptions}. */
    public static final class Builder {
        private boolean keepMissingCaptions;
        private long maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES;

        private Builder() {}

        /**
         * @param keep keep samples without a caption (default false: skip them as {@code missing_caption})
         * @return this builder
         */
        public Builder optKeepMissingCaptions(boolean keep) {
            this.keepMissingCaptions = keep;
            return this;
        }

        /**
         * @param bytes the largest entry read into memory (default 256 MiB)
         * @return this builder
         */
        public Builder optMaxEntryBytes(long bytes) {
            this.maxEntryBytes = bytes;
            return this;
        }

        /** @return the validated options */
        public ReadOptions build() {
            return new ReadOptions(keepMissingCaptions, maxEntryBytes);
        }
    }
}
