package dev.sysc.bench;

/**
 * Net cost per sample: the raw ns per call minus the FFI baseline timed right after it. Pairing the
 * two samples (rather than subtracting medians) keeps drift that hits both out of the difference.
 */
public final class BaselineSubtraction {
    private BaselineSubtraction() {}

    public static double[] net(double[] raw, double[] baseline) {
        if (raw.length != baseline.length) {
            throw new IllegalArgumentException("raw and baseline samples must pair up");
        }
        double[] net = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            net[i] = raw[i] - baseline[i];
        }
        return net;
    }
}
