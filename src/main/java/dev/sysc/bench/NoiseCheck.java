package dev.sysc.bench;

import dev.sysc.stats.Statistics;
import dev.sysc.stats.Summary;

/** Decides whether a run's samples are too spread to trust the way a quiet machine's would be. */
public final class NoiseCheck {
    private NoiseCheck() {
    }

    /**
     * Noisy when the bulk of the samples is spread (robust CV above {@link Defaults#NOISY_CV}) or when
     * many samples are outliers (over {@link Defaults#NOISY_OUTLIER_SHARE} outside the Tukey fences).
     * A few interrupt spikes, normal on any machine, do neither.
     */
    public static boolean noisy(double[] raw, Summary summary) {
        double outliers = (double) (summary.lowOutliers() + summary.highOutliers()) / summary.n();
        return Statistics.robustCv(raw) > Defaults.NOISY_CV || outliers > Defaults.NOISY_OUTLIER_SHARE;
    }
}
