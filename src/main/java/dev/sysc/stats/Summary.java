package dev.sysc.stats;

/**
 * What a set of samples (ns per call) looks like.
 *
 * @param cv           coefficient of variation, stddev over the absolute mean (0 when the mean is 0)
 * @param lowOutliers  samples below the lower Tukey fence
 * @param highOutliers samples above the upper Tukey fence
 */
public record Summary(
        int n,
        double median,
        double mean,
        double min,
        double max,
        double p05,
        double p95,
        double stddev,
        double cv,
        int lowOutliers,
        int highOutliers) {}
