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
 * @param loop           what ran the calls: "native" or "java" (null when the call never ran)
 */
public record CallResult(
        String name,
        String path,
        boolean crossesKernel,
        int crossings,
        int errno,
        String failure,
        int samples,
        int callsPerSample,
        Summary net,
        Summary raw,
        Summary baseline,
        double[] sampleNs,
        boolean noisy,
        String loop) {
    public CallResult {
        sampleNs = sampleNs == null ? new double[0] : sampleNs.clone();
    }

    /** A result without a loop named (a saved file from before loops were recorded, or a test's). */
    public CallResult(
            String name,
            String path,
            boolean crossesKernel,
            int crossings,
            int errno,
            String failure,
            int samples,
            int callsPerSample,
            Summary net,
            Summary raw,
            Summary baseline,
            double[] sampleNs,
            boolean noisy) {
        this(
                name,
                path,
                crossesKernel,
                crossings,
                errno,
                failure,
                samples,
                callsPerSample,
                net,
                raw,
                baseline,
                sampleNs,
                noisy,
                null);
    }

    public static CallResult failed(
            String name, String path, boolean crossesKernel, int crossings, int errno, String failure) {
        return new CallResult(
                name, path, crossesKernel, crossings, errno, failure, 0, 0, null, null, null, null, false);
    }

    /** This result, recording that {@code loopId} ran its calls. */
    public CallResult withLoop(String loopId) {
        return new CallResult(
                name,
                path,
                crossesKernel,
                crossings,
                errno,
                failure,
                samples,
                callsPerSample,
                net,
                raw,
                baseline,
                sampleNs,
                noisy,
                loopId);
    }

    /**
     * Whether the net median is too small to be told from zero ({@link Defaults#RESOLUTION_NS}): then
     * it is never shown as a number, and never as a negative one.
     */
    public boolean belowResolution() {
        return ok() && net != null && net.median() < Defaults.RESOLUTION_NS;
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
