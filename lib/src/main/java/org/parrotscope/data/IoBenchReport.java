package org.parrotscope.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The result of an {@link IoBench}: the fastest run per thread count.
 *
 * @param config the settings
 * @param shards how many shards were read
 * @param cores the machine's cores
 * @param runs the fastest run per thread count, 1 thread first
 */
public record IoBenchReport(IoBenchConfig config, int shards, int cores, List<Run> runs) {

    /**
     * One timed run.
     *
     * @param threads decoding threads
     * @param images images decoded and resized
     * @param skipped samples skipped (unreadable, undecodable)
     * @param seconds wall time of the run
     */
    public record Run(int threads, long images, long skipped, double seconds) {
        /** @return images per second, 0 for an empty run */
        public double rate() {
            return seconds > 0 ? images / seconds : 0;
        }
    }

    /** Copies the runs. */
    public IoBenchReport {
        Objects.requireNonNull(config, "config");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
    }

    /** @return one row per run: threads, images, skipped, seconds, images_per_s, speedup (against 1 thread) */
    public Table toTable() {
        double base = runs.get(0).rate();
        return Table.create(
                "bench_io",
                IntColumn.create("threads", runs.stream().mapToInt(Run::threads).toArray()),
                LongColumn.create("images", runs.stream().mapToLong(Run::images).toArray()),
                LongColumn.create(
                        "skipped", runs.stream().mapToLong(Run::skipped).toArray()),
                DoubleColumn.create(
                        "seconds", runs.stream().mapToDouble(Run::seconds).toArray()),
                DoubleColumn.create(
                        "images_per_s", runs.stream().mapToDouble(Run::rate).toArray()),
                DoubleColumn.create(
                        "speedup",
                        runs.stream().mapToDouble(r -> r.rate() / base).toArray()));
    }

    /** @return a heading line and a fixed-width table, as {@code parrotscope bench io} prints them */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(
                Locale.ROOT,
                "bench io: read + decode + resize shorter side to %d px; %d shard(s); %d core(s); best of %d run(s)",
                config.size(),
                shards,
                cores,
                config.repeat()));
        out.add(String.format(
                Locale.ROOT,
                "%8s %8s %8s %9s %10s %8s",
                "threads",
                "images",
                "skipped",
                "seconds",
                "images/s",
                "speedup"));
        for (Run r : runs) {
            out.add(String.format(
                    Locale.ROOT,
                    "%8d %8d %8d %9.2f %10.1f %7.2fx",
                    r.threads(),
                    r.images(),
                    r.skipped(),
                    r.seconds(),
                    r.rate(),
                    r.rate() / runs.get(0).rate()));
        }
        return out;
    }
}
