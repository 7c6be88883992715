package dev.sysc.bench;

/**
 * Net cost per sample: the raw ns per call minus the FFI baseline timed right after it. Pairing the
 * two samples (rather than subtracting medians) keeps drift that hits both out of the difference.
 */
public final class BaselineSubtraction {
    private BaselineSubtraction() {}

    public static double[] net(double[] raw, double[] baseline) {
        return net(raw, baseline, 1);
    }

    /** Each sample less {@code baselinesPerSample} of its baseline (a sample that crossed the bridge that often). */
    public static double[] net(double[] raw, double[] baseline, long baselinesPerSample) {
        if (raw.length != baseline.length) {
            throw new IllegalArgumentException("raw and baseline samples must pair up");
        }
        double[] net = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            net[i] = raw[i] - baselinesPerSample * baseline[i];
        }
        return net;
    }
}
