package dev.sysc.bench;

/**
 * What sampling produced for one probe: raw ns per invocation of each sample, the FFI baseline's ns
 * per call timed right after it (null when none was taken), and how many invocations one sample timed.
 */
public record RawSamples(double[] raw, double[] baseline, int callsPerSample) {
    public RawSamples {
        raw = raw.clone();
        baseline = baseline == null ? null : baseline.clone();
    }

    @Override
    public double[] raw() {
        return raw.clone();
    }

    @Override
    public double[] baseline() {
        return baseline == null ? null : baseline.clone();
    }

    /** Each sample less its baseline (raw − baseline); the raw samples when no baseline was taken. */
    public double[] net() {
        return net(1);
    }

    /**
     * Each sample less {@code baselinesPerSample} baselines (a Java batch crosses the bridge once per
     * native call it makes); the raw samples when no baseline was taken.
     */
    public double[] net(long baselinesPerSample) {
        return baseline == null ? raw.clone() : BaselineSubtraction.net(raw, baseline, baselinesPerSample);
    }
}
