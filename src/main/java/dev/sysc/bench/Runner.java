package dev.sysc.bench;

import dev.sysc.os.Affinity;
import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.Probe;
import dev.sysc.probe.ProbeSetupException;
import dev.sysc.probe.Probes;
import dev.sysc.probe.Workspace;
import dev.sysc.stats.Statistics;
import dev.sysc.stats.Summary;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures calls one after another: opens each probe, samples it against the shared FFI baseline,
 * summarizes, closes. A call that fails is reported with its errno and the others still run.
 */
public final class Runner {
    /** Where probes come from: the real catalog, or fakes in tests. */
    @FunctionalInterface
    public interface ProbeSource {
        Probe open(CallRef call);
    }

    static final String BASELINE = "ffi-noop";

    private final Timer timer;
    private final ProbeSource probes;
    private final MeasureListener listener;

    public Runner(Timer timer, ProbeSource probes, MeasureListener listener) {
        this.timer = timer;
        this.probes = probes;
        this.listener = listener;
    }

    /** A runner on the real clock and the real probes, preparing files in {@code workspace}. */
    public static Runner live(Workspace workspace, MeasureListener listener) {
        return new Runner(Timer.SYSTEM, call -> Probes.open(call, workspace), listener);
    }

    /**
     * Measures {@code calls} in order.
     *
     * @param vdsoClockUsable whether this machine's vDSO can read the clock (decides whether
     *                        clock_gettime crosses)
     */
    public List<CallResult> measure(List<CallRef> calls, MeasureSpec spec, boolean vdsoClockUsable) {
        // The shell runs command after command on one thread: a pin must not outlive its command.
        int[] allowedBefore = spec.cpu() >= 0 ? Affinity.allowedCpus() : null;
        if (spec.cpu() >= 0) {
            Affinity.pinCurrentThread(spec.cpu());
        }
        List<CallResult> results = new ArrayList<>();
        Probe baseline = null;
        try {
            for (int i = 0; i < calls.size(); i++) {
                CallRef call = calls.get(i);
                boolean wantBaseline = spec.baseline() && !call.name().equals(BASELINE);
                if (wantBaseline && baseline == null) {
                    baseline = probes.open(Catalog.builtIn().resolve(BASELINE));
                }
                results.add(measureOne(call, wantBaseline ? baseline : null, spec, vdsoClockUsable, i, calls.size()));
            }
        } finally {
            if (baseline != null) {
                baseline.close();
            }
            if (allowedBefore != null) {
                Affinity.setAllowedCpus(allowedBefore);
            }
        }
        return results;
    }

    private CallResult measureOne(CallRef call, Probe baseline, MeasureSpec spec, boolean vdsoClockUsable,
                                  int index, int count) {
        String name = call.name();
        String path = call.path().id();
        boolean crosses = call.entry().crossesKernel(call.path(), vdsoClockUsable);
        int crossings = crosses ? call.entry().crossings() : 0;
        Probe probe;
        try {
            probe = probes.open(call);
        } catch (ProbeSetupException e) {
            return CallResult.failed(name, path, crosses, crossings, e.errno(), e.getMessage());
        }
        try (probe) {
            Sampler.Samples s = new Sampler(timer, probe, baseline, spec, progress(call.id(), index, count)).run();
            return summarize(name, path, crosses, crossings, s);
        } catch (Sampler.CallFailed e) {
            String who = e.probe == probe ? name : "the baseline " + BASELINE;
            return CallResult.failed(name, path, crosses, crossings, e.probe.errno(),
                    who + " failed: " + dev.sysc.os.Errnos.describe(e.probe.errno()));
        }
    }

    private static CallResult summarize(String name, String path, boolean crosses, int crossings, Sampler.Samples s) {
        Summary raw = Statistics.summarize(s.raw());
        Summary base = null;
        Summary net = raw;
        if (s.baseline() != null) {
            base = Statistics.summarize(s.baseline());
            net = Statistics.summarize(BaselineSubtraction.net(s.raw(), s.baseline()));
        }
        return new CallResult(name, path, crosses, crossings, 0, null, s.raw().length, s.callsPerSample(),
                net, raw, base, s.raw(), NoiseCheck.noisy(s.raw(), raw));
    }

    private Sampler.Progress progress(String call, int index, int count) {
        long[] last = {timer.nanoTime()};
        return (phase, fraction) -> {
            long now = timer.nanoTime();
            if (now - last[0] >= Defaults.PROGRESS_INTERVAL_NANOS) {
                last[0] = now;
                listener.progress(call, index, count, phase, fraction);
            }
        };
    }
}
