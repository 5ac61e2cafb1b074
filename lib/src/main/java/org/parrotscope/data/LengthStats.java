package org.parrotscope.data;

import com.google.gson.JsonObject;
import java.util.Arrays;

/**
 * Summary of a list of lengths (caption words or characters).
 *
 * @param count how many values
 * @param mean the arithmetic mean (0 when empty)
 * @param median the middle value, or the mean of the two middle values for an even count
 * @param p95 the 95th percentile by the nearest-rank method: the value at rank ceil(0.95 n) in ascending order
 * @param max the largest value
 */
public record LengthStats(long count, double mean, double median, int p95, int max) {

    /** Validates the fields. */
    public LengthStats {
        if (count < 0 || p95 > max) {
            throw new IllegalArgumentException("inconsistent stats: count " + count + ", p95 " + p95 + ", max " + max);
        }
    }

    /**
     * Computes the summary.
     *
     * @param values the values; the first {@code n} are used (and sorted in place)
     * @param n how many values
     * @return the summary, all zero when {@code n == 0}
     */
    public static LengthStats of(int[] values, int n) {
        if (n == 0) {
            return new LengthStats(0, 0, 0, 0, 0);
        }
        Arrays.sort(values, 0, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
        int rank = (int) Math.ceil(0.95 * n);
        return new LengthStats(n, sum / n, median, values[rank - 1], values[n - 1]);
    }

    /** @return {@code {"mean", "median", "p95", "max"}} */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("mean", mean);
        o.addProperty("median", median);
        o.addProperty("p95", p95);
        o.addProperty("max", max);
        return o;
    }
}
