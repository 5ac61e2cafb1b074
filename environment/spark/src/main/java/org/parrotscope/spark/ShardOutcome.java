package org.parrotscope.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * What one task did with one shard.
 *
 * @param shard the shard's name
 * @param source where the shard was read from
 * @param state what happened
 * @param rows rows in the shard's Parquet file (0 when it failed)
 * @param failedSamples rows whose OCR failed (their {@code error} column says why)
 * @param droppedSamples entries the shard reader could not turn into samples (no row)
 * @param reason why the shard failed or was redone, null otherwise
 * @param seconds wall time of the task
 */
public record ShardOutcome(
        String shard,
        String source,
        State state,
        long rows,
        long failedSamples,
        long droppedSamples,
        String reason,
        double seconds)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a task did with its shard. */
    public enum State {
        /** processed and written */
        DONE,
        /** its output existed, complete, from an earlier run or a duplicate attempt */
        SKIPPED,
        /** its output existed but was damaged: processed and written again */
        REDONE,
        /** could not be processed (unreadable shard, engine that cannot start): no output */
        FAILED
    }

    /** Validates the fields. */
    public ShardOutcome {
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
    }
}
