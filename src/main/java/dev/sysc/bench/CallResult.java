package dev.sysc.bench;

import dev.sysc.stats.Summary;

/**
 * The measured cost of one call, or why it has none.
 *
 * @param crossings      kernel entries per invocation when it crosses
 * @param errno          0, or the errno that made the call fail (then the summaries are null)
 * @param failure        null, or what failed, in words
 * @param net            raw minus baseline, per sample pair; equal to raw without a baseline
 * @param baseline       the FFI floor measured alongside, or null when none was subtracted
 * @param sampleNs       raw ns per call of each sample, in the order taken
 * @param noisy          whether the raw samples vary more than a quiet machine's do ({@link NoiseCheck})
 */
public record CallResult(String name, String path, boolean crossesKernel, int crossings, int errno,
                         String failure, int samples, int callsPerSample, Summary net, Summary raw,
                         Summary baseline, double[] sampleNs, boolean noisy) {
    public CallResult {
        sampleNs = sampleNs == null ? new double[0] : sampleNs.clone();
    }

    public static CallResult failed(String name, String path, boolean crossesKernel, int crossings, int errno,
                                    String failure) {
        return new CallResult(name, path, crossesKernel, crossings, errno, failure, 0, 0, null, null, null, null, false);
    }

    public boolean ok() {
        return failure == null;
    }

    @Override
    public double[] sampleNs() {
        return sampleNs.clone();
    }

    /** {@code name@path}. */
    public String id() {
        return name + "@" + path;
    }
}
