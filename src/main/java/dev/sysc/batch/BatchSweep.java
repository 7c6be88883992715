package dev.sysc.batch;

import dev.sysc.bench.MeasureSpec;
import dev.sysc.bench.Pinning;
import dev.sysc.bench.ProbeFailedException;
import dev.sysc.bench.ProbeSampler;
import dev.sysc.bench.RawSamples;
import dev.sysc.os.Errnos;
import dev.sysc.os.ExecutablePages;
import dev.sysc.os.NativeSequence;
import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.LoopKind;
import dev.sysc.probe.Probe;
import dev.sysc.probe.Probes;
import dev.sysc.stats.BreakEven;
import dev.sysc.stats.LinearFit;
import dev.sysc.stats.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Measures workloads point by point: for each batch size, every strategy's one-batch operation is
 * sampled by the engine, interleaved with the others and with the FFI baseline (ffi-noop).
 *
 * <p>Net cost per batch = raw − (native calls the batch makes) × baseline, sample by sample: each
 * strategy pays for its own Java-to-C calls (the loop N of them, a writev one), so the figures are the
 * kernel's and libc's share and agree with {@code sysc measure}. ns per operation = net per batch / the
 * operations it counts as ({@link WorkloadInfo#operations}: its size, or for a selection the wanted items).
 */
public final class BatchSweep {
    private final ProbeSampler sampler;
    private final Function<CallRef, Probe> baselines;

    /**
     * @param baselines opens the ffi-noop probe (the sweep closes it); unused without a baseline
     */
    public BatchSweep(ProbeSampler sampler, Function<CallRef, Probe> baselines) {
        this.sampler = sampler;
        this.baselines = baselines;
    }

    /** Measures {@code workloads} in order, each at {@code sizes.apply(workload)}; a refused or failed one does not stop the rest. */
    public List<WorkloadResult> run(List<Workload> workloads, Function<Workload, int[]> sizes, MeasureSpec spec) {
        return Pinning.during(spec.cpu(), () -> {
            int total = workloads.stream().mapToInt(w -> sizes.apply(w).length).sum();
            Probe baseline = spec.baseline() ? baseline(spec) : null;
            try {
                List<WorkloadResult> results = new ArrayList<>();
                int done = 0;
                for (Workload w : workloads) {
                    int[] s = sizes.apply(w);
                    results.add(measure(w, s, spec, baseline, done, total));
                    done += s.length;
                }
                return results;
            } finally {
                if (baseline != null) {
                    baseline.close();
                }
            }
        });
    }

    private WorkloadResult measure(Workload w, int[] sizes, MeasureSpec spec, Probe baseline, int index, int total) {
        WorkloadInfo info = w.info();
        Session session;
        try {
            session = w.open(BatchSizes.largest(sizes));
        } catch (WorkloadUnavailableException e) {
            return WorkloadResult.unavailable(info, e.getMessage(), false);
        }
        try {
            List<Strategy> strategies = info.strategies();
            // A selection's send alone is sampled in the same rounds, after the strategies, and taken off them.
            Strategy sendOnly =
                    info.selection() == null ? null : info.selection().sendOnly();
            List<Strategy> sampled = new ArrayList<>(strategies);
            if (sendOnly != null) {
                sampled.add(sendOnly);
            }
            double[][] perOp = new double[strategies.size()][sizes.length];
            double[][] receiverPerOp = new double[strategies.size()][sizes.length];
            double[] sendPerItem = new double[sizes.length];
            List<CountedCrossings> counted = new ArrayList<>();
            for (int k = 0; k < sizes.length; k++) {
                int size = sizes[k];
                List<Probe> probes = new ArrayList<>();
                List<RawSamples> samples;
                long[] baselines = new long[sampled.size()];
                try {
                    for (Strategy st : sampled) {
                        probes.add(probe(session, st, size, spec));
                    }
                    samples = sampler.sample(probes, baseline, spec, info.name() + " batch " + size, index + k, total);
                } catch (ProbeFailedException e) {
                    return WorkloadResult.unavailable(info, failure(e, probes, sampled, session, size, baseline), true);
                } finally {
                    probes.forEach(Probe::close);
                }
                int operations = info.operations(size);
                for (int i = 0; i < sampled.size(); i++) {
                    // A native batch is one loop iteration, and the baseline is the empty iteration; a Java
                    // batch pays one bridge crossing per native call it makes, and the baseline is one crossing.
                    baselines[i] = probes.get(i).loop() == LoopKind.NATIVE
                            ? 1
                            : sampled.get(i).nativeCalls(operations);
                }
                for (int i = 0; i < strategies.size(); i++) {
                    perOp[i][k] = netPerBatch(samples.get(i), baselines[i]) / operations;
                }
                if (sendOnly != null) {
                    int s = strategies.size();
                    double[] send = samples.get(s).net(baselines[s]);
                    sendPerItem[k] = Statistics.median(send) / info.selection().perBatch();
                    for (int i = 0; i < strategies.size(); i++) {
                        receiverPerOp[i][k] = medianDifference(samples.get(i).net(baselines[i]), send) / operations;
                    }
                }
                for (Strategy st : sampled) {
                    CountedCrossings c = session.count(st, size);
                    if (c != null) {
                        counted.add(c);
                    }
                }
            }
            ReceiverFigures receiver = sendOnly == null
                    ? null
                    : receiverFigures(info, sizes, sendOnly, sendPerItem, receiverPerOp, counted);
            return summarize(info, sizes, perOp, receiver);
        } finally {
            session.close();
        }
    }

    private static ReceiverFigures receiverFigures(
            WorkloadInfo info,
            int[] sizes,
            Strategy sendOnly,
            double[] sendPerItem,
            double[][] receiverPerOp,
            List<CountedCrossings> counted) {
        List<BatchSeries> receiver = new ArrayList<>();
        for (int i = 0; i < info.strategies().size(); i++) {
            receiver.add(series(info.strategies().get(i).name(), sizes, receiverPerOp[i]));
        }
        return new ReceiverFigures(sendOnly, series(sendOnly.name(), sizes, sendPerItem), receiver, counted);
    }

    private static BatchSeries series(String strategy, int[] sizes, double[] values) {
        List<BatchPoint> points = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            points.add(new BatchPoint(sizes[k], values[k]));
        }
        return new BatchSeries(strategy, points);
    }

    /** The strategy's batch as generated code when asked for and possible, else its Java operation. */
    private static Probe probe(Session session, Strategy st, int size, MeasureSpec spec) {
        CallRef call = Catalog.builtIn().resolve(st.call());
        if (spec.loop() == LoopKind.NATIVE) {
            NativeSequence sequence = session.nativeBatch(st, size);
            if (sequence != null) {
                try {
                    return Probe.ofNativeLoop(call, sequence.compile(ExecutablePages.SYSTEM));
                } catch (ExecutablePages.ExecutableMemoryRefused e) {
                    // Measured by the Java operation below, as everything is where generated code cannot run.
                }
            }
        }
        return Probe.returningErrno(call, session.batch(st, size));
    }

    /** The empty native loop on the native loop, else ffi-noop through the Java bridge. */
    private Probe baseline(MeasureSpec spec) {
        return Probes.baseline(
                spec.loop(),
                ExecutablePages.SYSTEM,
                () -> baselines.apply(Catalog.builtIn().resolve("ffi-noop")));
    }

    /** The median over samples of raw − calls × baseline, ns per batch. */
    static double netPerBatch(RawSamples s, long nativeCalls) {
        return Statistics.median(s.net(nativeCalls));
    }

    /**
     * The median of {@code a} − {@code b} taken round by round: both were sampled in the same rounds, so a
     * round's drift hits both and cancels.
     */
    static double medianDifference(double[] a, double[] b) {
        double[] d = new double[Math.min(a.length, b.length)];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return Statistics.median(d);
    }

    private static String failure(
            ProbeFailedException e,
            List<Probe> probes,
            List<Strategy> strategies,
            Session session,
            int size,
            Probe baseline) {
        if (e.probe() == baseline) {
            return "the baseline ffi-noop failed: " + Errnos.describe(e.errno());
        }
        Strategy st = strategies.get(probes.indexOf(e.probe()));
        String why = session.explain(st, size, e.errno());
        return st.name() + " failed at batch " + size + ": " + Errnos.describe(e.errno())
                + (why == null ? "" : ": " + why);
    }

    /** Series, fit and break-even from ns per operation of each strategy (rows) at each size (columns). */
    static WorkloadResult summarize(WorkloadInfo info, int[] sizes, double[][] perOp) {
        return summarize(info, sizes, perOp, null);
    }

    /** The same, with a selection's receiver figures (null for the other workloads). */
    static WorkloadResult summarize(WorkloadInfo info, int[] sizes, double[][] perOp, ReceiverFigures receiver) {
        List<Strategy> strategies = info.strategies();
        List<BatchSeries> series = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            series.add(series(strategies.get(i).name(), sizes, perOp[i]));
        }
        int batched = strategies.indexOf(info.strategy(info.batched()));
        if (info.kind() == WorkloadInfo.Kind.SELECT) {
            // The size is K, not a count of operations: no cost line through it, and no typical loop figure,
            // since receiving everything costs more per wanted item the larger K is.
            int loop = strategies.indexOf(info.strategy(info.loop()));
            Integer breakEven = boxed(BreakEven.fromPoints(sizes, perOp[loop], perOp[batched]));
            return new WorkloadResult(info, true, null, false, series, null, breakEven, Double.NaN, receiver);
        }
        BatchFit fit = fit(info.batched(), sizes, perOp[batched]);
        Integer breakEven = null;
        double loopPerOp = Double.NaN;
        if (info.kind() == WorkloadInfo.Kind.BUFFER) {
            if (fit != null) {
                breakEven = boxed(BreakEven.whereVariableDominates(sizes, fit.fixedNs(), fit.perOpNs()));
            }
        } else {
            int loop = strategies.indexOf(info.strategy(info.loop()));
            breakEven = boxed(BreakEven.fromPoints(sizes, perOp[loop], perOp[batched]));
            loopPerOp = Statistics.median(perOp[loop]);
        }
        return new WorkloadResult(info, true, null, false, series, fit, breakEven, loopPerOp, null);
    }

    /**
     * fixed + N × per-op through the cost per batch, fitted on relative residuals so that the big batches'
     * noise does not swamp the fixed cost; null with fewer than two sizes or a cost per batch that is not
     * positive (a net figure lost in noise).
     */
    static BatchFit fit(String strategy, int[] sizes, double[] perOp) {
        if (sizes.length < 2) {
            return null;
        }
        double[] x = new double[sizes.length];
        double[] y = new double[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            x[k] = sizes[k];
            y[k] = perOp[k] * sizes[k];
        }
        if (Arrays.stream(y).anyMatch(v -> !(v > 0))) {
            return null;
        }
        LinearFit f = LinearFit.relative(x, y);
        return new BatchFit(strategy, f.intercept(), f.slope(), f.r2());
    }

    private static Integer boxed(OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }
}
