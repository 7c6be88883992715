package dev.sysc.bench;

import dev.sysc.probe.Probe;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's sampling for probes made outside the catalog ({@link Probe#of}, {@link Probe#returningErrno}):
 * the same calibration, warm-up and interleaving with the FFI baseline as {@code measure} and
 * {@code compare}, handing back the raw samples for the caller to reduce. It never closes the probes.
 */
public final class ProbeSampler {
    private final Timer timer;
    private final MeasureListener listener;

    public ProbeSampler(Timer timer, MeasureListener listener) {
        this.timer = timer;
        this.listener = listener;
    }

    /**
     * Samples {@code targets} together in rounds (A base B base ...), each paired with {@code baseline}
     * when it is not null, for about {@code spec.time()} each.
     *
     * @param label how progress names this group
     * @param index its position in the caller's run, from 0, for progress
     * @param count how many groups the caller's run has, for progress
     * @return one set of samples per target, in the order of {@code targets}
     * @throws ProbeFailedException when an operation (or the baseline) fails
     */
    public List<RawSamples> sample(
            List<Probe> targets, Probe baseline, MeasureSpec spec, String label, int index, int count) {
        List<Sampler.Samples> samples;
        try {
            samples = new Sampler(timer, targets, baseline, spec, progress(label, index, count)).run();
        } catch (Sampler.CallFailed e) {
            throw new ProbeFailedException(e.probe);
        }
        List<RawSamples> out = new ArrayList<>();
        for (Sampler.Samples s : samples) {
            out.add(new RawSamples(s.raw(), s.baseline(), s.callsPerSample()));
        }
        return out;
    }

    private Sampler.Progress progress(String label, int index, int count) {
        long[] last = {timer.nanoTime()};
        return (phase, fraction) -> {
            long now = timer.nanoTime();
            if (now - last[0] >= Defaults.PROGRESS_INTERVAL_NANOS) {
                last[0] = now;
                listener.progress(label, index, count, phase, fraction);
            }
        };
    }
}
