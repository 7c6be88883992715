package dev.sysc.bench;

import dev.sysc.os.Errnos;
import dev.sysc.os.ExecutablePages;
import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.LoopKind;
import dev.sysc.probe.Probe;
import dev.sysc.probe.ProbeSetupException;
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

        /** What every sample is paired with and net cost is measured against. */
        default Probe baseline() {
            return open(Catalog.builtIn().resolve(BASELINE));
        }

        /** The FFI no-op called through the Java bridge: what a Java caller pays per call. */
        default Probe bridge() {
            return open(Catalog.builtIn().resolve(BASELINE));
        }
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

    /**
     * A runner on the real clock and the real probes, preparing files in {@code workspace}, timing
     * them in {@code loop} (native, unless the kernel refuses to run generated code).
     */
    public static Runner live(Workspace workspace, LoopKind loop, MeasureListener listener) {
        return new Runner(Timer.SYSTEM, new LiveProbes(workspace, loop, ExecutablePages.SYSTEM), listener);
    }

    /**
     * What one call through the Java-to-C bridge costs: ffi-noop on the Java loop, sampled without a
     * baseline for a short while. The native loop leaves this cost out of every figure (it crosses
     * the bridge once per batch); this is the figure that says how much a Java caller adds.
     *
     * @return ffi-noop's result on the Java loop (net = raw: nothing is subtracted), or empty when the
     *         no-op itself failed
     */
    public java.util.Optional<CallResult> bridge(MeasureSpec spec) {
        MeasureSpec quick =
                new MeasureSpec(Defaults.BRIDGE_TIME, Defaults.BRIDGE_WARMUP, 0, spec.cpu(), false, LoopKind.JAVA);
        return Pinning.during(spec.cpu(), () -> {
            try (Probe probe = probes.bridge()) {
                Sampler.Samples s = new Sampler(
                                timer, List.of(probe), null, quick, progress(BASELINE + " (java)", 0, 1))
                        .run()
                        .get(0);
                return java.util.Optional.of(
                        summarize(probe.call(), true, s, false).withLoop(LoopKind.JAVA.id()));
            } catch (Sampler.CallFailed | ProbeSetupException e) {
                return java.util.Optional.empty();
            }
        });
    }

    /**
     * Measures {@code calls} in order, one after another.
     *
     * @param vdsoClockUsable whether this machine's vDSO can read the clock (decides whether
     *                        clock_gettime crosses)
     */
    public List<CallResult> measure(List<CallRef> calls, MeasureSpec spec, boolean vdsoClockUsable) {
        return pinnedFor(spec, () -> {
            List<CallResult> results = new ArrayList<>();
            try (BaselineHolder baseline = new BaselineHolder(spec)) {
                for (int i = 0; i < calls.size(); i++) {
                    results.addAll(
                            sampleTogether(List.of(calls.get(i)), baseline, spec, vdsoClockUsable, i, calls.size()));
                }
            }
            return results;
        });
    }

    /**
     * Measures {@code calls} side by side: sampled in rounds (A B C A B C ...) so that drift hits them
     * all alike, each paired with the baseline. Results come back in the order of {@code calls}.
     */
    public List<CallResult> compare(List<CallRef> calls, MeasureSpec spec, boolean vdsoClockUsable) {
        return pinnedFor(spec, () -> {
            try (BaselineHolder baseline = new BaselineHolder(spec)) {
                return sampleTogether(calls, baseline, spec, vdsoClockUsable, 0, 1);
            }
        });
    }

    /** Runs {@code work} pinned as the spec says, and under its seccomp filter on a thread of its own. */
    private List<CallResult> pinnedFor(MeasureSpec spec, java.util.function.Supplier<List<CallResult>> work) {
        if (spec.seccomp() > 0) {
            return FilteredThread.run(
                    spec.seccomp(), false, ExecutablePages.SYSTEM, () -> Pinning.during(spec.cpu(), work));
        }
        return Pinning.during(spec.cpu(), work);
    }

    /** The ffi-noop probe, opened when first needed and closed with the run. */
    private final class BaselineHolder implements AutoCloseable {
        private final boolean wanted;
        private Probe probe;

        BaselineHolder(MeasureSpec spec) {
            this.wanted = spec.baseline();
        }

        Probe forCall(CallRef call) {
            if (!wanted || call.name().equals(BASELINE)) {
                return null;
            }
            if (probe == null) {
                probe = probes.baseline();
            }
            return probe;
        }

        @Override
        public void close() {
            if (probe != null) {
                probe.close();
            }
        }
    }

    /**
     * Opens the probes of {@code calls} and samples them together; a call whose setup or invocation
     * fails is reported as failed with its errno, and the others are sampled without it.
     */
    private List<CallResult> sampleTogether(
            List<CallRef> calls,
            BaselineHolder baselines,
            MeasureSpec spec,
            boolean vdsoClockUsable,
            int index,
            int count) {
        CallResult[] results = new CallResult[calls.size()];
        java.util.Map<Integer, Probe> open = new java.util.LinkedHashMap<>();
        try {
            for (int i = 0; i < calls.size(); i++) {
                try {
                    open.put(i, probes.open(calls.get(i)));
                } catch (ProbeSetupException e) {
                    results[i] = failed(calls.get(i), vdsoClockUsable, e.errno(), e.getMessage());
                }
            }
            // The baseline is shared; when one call is ffi-noop itself, it is sampled without one.
            Probe baseline = null;
            for (int i : open.keySet()) {
                Probe b = baselines.forCall(calls.get(i));
                baseline = b != null ? b : baseline;
            }
            while (!open.isEmpty()) {
                List<Integer> order = new ArrayList<>(open.keySet());
                List<Probe> targets = new ArrayList<>();
                for (int i : order) {
                    targets.add(open.get(i));
                }
                String label = order.size() == 1 ? calls.get(order.get(0)).id() : order.size() + " calls";
                try {
                    List<Sampler.Samples> samples =
                            new Sampler(timer, targets, baseline, spec, progress(label, index, count)).run();
                    for (int j = 0; j < order.size(); j++) {
                        int i = order.get(j);
                        boolean subtract = baselines.forCall(calls.get(i)) != null;
                        results[i] = summarize(calls.get(i), vdsoClockUsable, samples.get(j), subtract)
                                .withLoop(targets.get(j).loop().id());
                    }
                    break;
                } catch (Sampler.CallFailed e) {
                    if (e.probe == baseline) {
                        for (int i : order) {
                            results[i] = failed(
                                    calls.get(i),
                                    vdsoClockUsable,
                                    e.probe.errno(),
                                    "the baseline " + BASELINE + " failed: " + Errnos.describe(e.probe.errno()));
                        }
                        break;
                    }
                    int i = order.get(targets.indexOf(e.probe));
                    results[i] = failed(
                            calls.get(i),
                            vdsoClockUsable,
                            e.probe.errno(),
                            calls.get(i).name() + " failed: " + Errnos.describe(e.probe.errno()));
                    open.remove(i).close();
                }
            }
        } finally {
            for (Probe p : open.values()) {
                p.close();
            }
        }
        return List.of(results);
    }

    private static CallResult failed(CallRef call, boolean vdsoClockUsable, int errno, String why) {
        boolean crosses = call.entry().crossesKernel(call.path(), vdsoClockUsable);
        return CallResult.failed(
                call.name(), call.path().id(), crosses, crosses ? call.entry().crossings() : 0, errno, why);
    }

    private static CallResult summarize(CallRef call, boolean vdsoClockUsable, Sampler.Samples s, boolean subtract) {
        String name = call.name();
        String path = call.path().id();
        boolean crosses = call.entry().crossesKernel(call.path(), vdsoClockUsable);
        int crossings = crosses ? call.entry().crossings() : 0;
        return summarize(
                name, path, crosses, crossings, subtract ? s : new Sampler.Samples(s.raw(), null, s.callsPerSample()));
    }

    private static CallResult summarize(String name, String path, boolean crosses, int crossings, Sampler.Samples s) {
        Summary raw = Statistics.summarize(s.raw());
        Summary base = null;
        Summary net = raw;
        if (s.baseline() != null) {
            base = Statistics.summarize(s.baseline());
            net = Statistics.summarize(BaselineSubtraction.net(s.raw(), s.baseline()));
        }
        return new CallResult(
                name,
                path,
                crosses,
                crossings,
                0,
                null,
                s.raw().length,
                s.callsPerSample(),
                net,
                raw,
                base,
                s.raw(),
                NoiseCheck.noisy(s.raw(), raw));
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
