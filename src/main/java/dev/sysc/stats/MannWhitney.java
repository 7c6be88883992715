package dev.sysc.stats;

import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * The Mann-Whitney U test (Wilcoxon rank-sum), two-sided: do two sets of samples come from the same
 * distribution? It assumes nothing about the shape of the distribution, which suits latency samples
 * with their long right tails; benchstat uses it for the same reason. The arithmetic is
 * commons-statistics-inference's: exact p-values for small samples without ties, the normal
 * approximation with tie and continuity corrections otherwise.
 */
public final class MannWhitney {
    private MannWhitney() {}

    /** The two-sided p-value for the hypothesis that {@code a} and {@code b} come from one distribution. */
    public static double pValue(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("the Mann-Whitney test needs samples on both sides");
        }
        return MannWhitneyUTest.withDefaults().test(a, b).getPValue();
    }

    /** The U statistic of {@code a} against {@code b}. */
    public static double u(double[] a, double[] b) {
        return MannWhitneyUTest.withDefaults().statistic(a, b);
    }
}
