package org.parrotscope.eval;

import java.util.List;

/**
 * Mean and population standard deviation (numpy's default, ddof 0) of a group of scores.
 *
 * @param count number of scores
 * @param mean their mean
 * @param std their population standard deviation
 */
public record GroupStats(int count, double mean, double std) {

    /**
     * Summarises scores.
     *
     * @param scores the scores
     * @return count, mean and std (NaN for an empty group)
     */
    public static GroupStats of(List<Double> scores) {
        if (scores.isEmpty()) {
            return new GroupStats(0, Double.NaN, Double.NaN);
        }
        double s = 0;
        for (double v : scores) {
            s += v;
        }
        double mean = s / scores.size();
        double ss = 0;
        for (double v : scores) {
            ss += (v - mean) * (v - mean);
        }
        return new GroupStats(scores.size(), mean, Math.sqrt(ss / scores.size()));
    }
}
