package dev.sysc.bench;

import dev.sysc.stats.Statistics;
import dev.sysc.stats.Summary;

/** Decides whether a run's samples are too spread to trust the way a quiet machine's would be. */
public final class NoiseCheck {
    private NoiseCheck() {}

    /**
     * Noisy when the bulk of the samples is spread (robust CV above {@link Defaults#NOISY_CV}, and by
     * more than {@link Defaults#NOISY_MIN_SPREAD_NS}: half a nanosecond of jitter on a 10 ns call is
     * not worth a warning) or when many samples are outliers (over {@link Defaults#NOISY_OUTLIER_SHARE}
     * outside the Tukey fences). A few interrupt spikes, normal on any machine, do neither.
     */
    public static boolean noisy(double[] raw, Summary summary) {
        double outliers = (double) (summary.lowOutliers() + summary.highOutliers()) / summary.n();
        double robustCv = Statistics.robustCv(raw);
        boolean spread =
                robustCv > Defaults.NOISY_CV && robustCv * Math.abs(summary.median()) > Defaults.NOISY_MIN_SPREAD_NS;
        return spread || outliers > Defaults.NOISY_OUTLIER_SHARE;
    }
}
