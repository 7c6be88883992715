package dev.sysc.stats;

import java.util.Arrays;

/** Summaries of samples: order statistics, moments and Tukey's outlier fences. */
public final class Statistics {
    /** Tukey's multiplier of the interquartile range for "outside" values. */
    static final double TUKEY_K = 1.5;

    private Statistics() {}

    /**
     * Summarizes {@code values} (at least one).
     *
     * <p>Percentiles interpolate linearly between the two nearest order statistics (Hyndman and Fan's
     * definition 7, the default of R and NumPy); the standard deviation is the sample one (n − 1).
     */
    public static Summary summarize(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples to summarize");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        double stddev = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        double cv = mean == 0 ? 0 : stddev / Math.abs(mean);
        double q1 = percentileOfSorted(sorted, 25);
        double q3 = percentileOfSorted(sorted, 75);
        double iqr = q3 - q1;
        double lowFence = q1 - TUKEY_K * iqr;
        double highFence = q3 + TUKEY_K * iqr;
        int low = 0;
        int high = 0;
        for (double v : sorted) {
            if (v < lowFence) {
                low++;
            } else if (v > highFence) {
                high++;
            }
        }
        return new Summary(
                n,
                percentileOfSorted(sorted, 50),
                mean,
                sorted[0],
                sorted[n - 1],
                percentileOfSorted(sorted, 5),
                percentileOfSorted(sorted, 95),
                stddev,
                cv,
                low,
                high);
    }

    /** The {@code p}-th percentile (0–100) of {@code values}, which need not be sorted. */
    public static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return percentileOfSorted(sorted, p);
    }

    static double percentileOfSorted(double[] sorted, double p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile out of range: " + p);
        }
        double h = (sorted.length - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * A coefficient of variation that rare outliers cannot inflate: 1.4826 × MAD / median, where MAD is
     * the median absolute deviation (the factor makes it estimate the standard deviation of normal data;
     * Rousseeuw and Croux, 1993). A syscall loop's samples are tight with rare interrupt spikes, which
     * make the plain CV large on a perfectly usable run.
     */
    public static double robustCv(double[] values) {
        double median = median(values);
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return median == 0 ? 0 : 1.4826 * median(deviations) / Math.abs(median);
    }

    /** The median of {@code values}. */
    public static double median(double[] values) {
        return percentile(values, 50);
    }
}
