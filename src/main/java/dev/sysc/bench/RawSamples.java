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
}
