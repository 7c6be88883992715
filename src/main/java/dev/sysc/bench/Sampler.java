package dev.sysc.bench;

import dev.sysc.probe.Probe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times batches of one or more probes, each paired with the FFI baseline: calibrates a batch size per
 * probe, warms the JIT up until batch times stop falling, then takes samples in rounds
 * (A base B base C base, A base ...), so that drift on a busy machine hits every call and its baseline
 * alike. One probe is the {@code measure} case; several are {@code compare}'s interleaving.
 */
final class Sampler {
    /** Warm-up judges progress over windows this long. */
    private static final long WINDOW_NANOS = 5_000_000;
    /** A window must beat the best so far by this factor to count as still warming up. */
    private static final double IMPROVEMENT = 0.98;
    /** Calls made before calibration, untimed. */
    private static final int PRIME_CALLS = 64;
    /** Windows in a row without improvement that end warm-up. */
    private static final int STABLE_WINDOWS = 2;

    private final Timer timer;
    private final List<Probe> targets;
    private final Probe baseline;
    private final MeasureSpec spec;
    private final Progress progress;
    /** Calls per timed batch of the baseline during sampling. */
    private int baselineBatch;

    /** What sampling produced for one probe: raw and baseline ns per call for each sample, and the batch size. */
    record Samples(double[] raw, double[] baseline, int callsPerSample) {}

    /** A probe stopped with an errno before finishing a batch. */
    static final class CallFailed extends RuntimeException {
        final Probe probe;

        CallFailed(Probe probe) {
            super(null, null, false, false);
            this.probe = probe;
        }
    }

    /** Rate-limited progress. */
    interface Progress {
        void report(MeasureListener.Phase phase, double fraction);
    }

    Sampler(Timer timer, List<Probe> targets, Probe baseline, MeasureSpec spec, Progress progress) {
        this.timer = timer;
        this.targets = List.copyOf(targets);
        this.baseline = baseline;
        this.spec = spec;
        this.progress = progress;
    }

    List<Samples> run() {
        // A first call is slow (lazy linking, cold caches): untimed, so calibration does not stop at a
        // batch of one on the strength of it when there is no warm-up to recalibrate after.
        for (Probe p : targets) {
            untimed(p, PRIME_CALLS);
        }
        if (baseline != null) {
            untimed(baseline, PRIME_CALLS);
        }
        int[] n = calibrateAll();
        if (!spec.warmup().isZero()) {
            warmUp(n);
            n = calibrateAll();
        } else if (baseline != null) {
            // --warmup 0 skips the targets' warm-up, never the baseline's: a cold baseline (a Java loop
            // not yet compiled) is slower than the call it is subtracted from, and net comes out negative.
            warmUpBaseline();
        }
        // The baseline gets a batch size of its own: timed in the target's batches (one call, for a
        // slow target), it would carry the clock read's ~25 ns into every per-call figure, and a batch
        // strategy subtracts it once per native call it makes.
        baselineBatch = baseline == null ? 0 : calibrate(baseline, Defaults.TARGET_BATCH_NANOS / 4);
        return sample(n);
    }

    private int[] calibrateAll() {
        int[] n = new int[targets.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = calibrate(targets.get(i));
        }
        return n;
    }

    /** The batch size that makes one timed batch of {@code probe} last about {@link Defaults#TARGET_BATCH_NANOS}. */
    int calibrate(Probe probe) {
        return calibrate(probe, Defaults.TARGET_BATCH_NANOS);
    }

    private int calibrate(Probe probe, long targetNanos) {
        int n = 1;
        while (true) {
            long t = timeBatch(probe, n);
            if (t >= targetNanos || n >= Defaults.MAX_BATCH) {
                return n;
            }
            double grow = t <= 0 ? 16 : 1.1 * targetNanos / t;
            n = (int) Math.min(Defaults.MAX_BATCH, Math.max(2L * n, (long) Math.ceil(n * grow)));
        }
    }

    /**
     * Runs rounds until every probe's per-call time stops falling (its loop is compiled), bounded by
     * the warm-up time.
     */
    private void warmUp(int[] n) {
        long start = timer.nanoTime();
        long budget = spec.warmup().toNanos() * targets.size();
        long minimum = Math.min(budget, Defaults.MIN_WARMUP.toNanos());
        double[] best = new double[targets.size()];
        int[] stable = new int[targets.size()];
        Arrays.fill(best, Double.MAX_VALUE);
        List<double[]> windows = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            windows.add(new double[64]);
        }
        while (true) {
            long windowStart = timer.nanoTime();
            int count = 0;
            while (count < 64 && (count < 3 || timer.nanoTime() - windowStart < WINDOW_NANOS)) {
                for (int i = 0; i < targets.size(); i++) {
                    windows.get(i)[count] = (double) timeBatch(targets.get(i), n[i]) / n[i];
                    if (baseline != null) {
                        timeBatch(baseline, n[i]);
                    }
                }
                count++;
            }
            boolean allStable = true;
            for (int i = 0; i < targets.size(); i++) {
                double median = median(windows.get(i), count);
                if (median < best[i] * IMPROVEMENT) {
                    best[i] = median;
                    stable[i] = 0;
                } else {
                    stable[i]++;
                }
                allStable &= stable[i] >= STABLE_WINDOWS;
            }
            long elapsed = timer.nanoTime() - start;
            progress.report(MeasureListener.Phase.WARMUP, Math.min(1, (double) elapsed / budget));
            if ((elapsed >= minimum && allStable) || elapsed >= budget) {
                return;
            }
        }
    }

    /** Times baseline batches until their per-call time stops falling, for at most {@link Defaults#MIN_WARMUP}. */
    private void warmUpBaseline() {
        int n = calibrate(baseline, Defaults.TARGET_BATCH_NANOS / 4);
        long start = timer.nanoTime();
        double best = Double.MAX_VALUE;
        int stable = 0;
        while (stable < STABLE_WINDOWS * 8 && timer.nanoTime() - start < Defaults.MIN_WARMUP.toNanos()) {
            double perCall = (double) timeBatch(baseline, n) / n;
            if (perCall < best * IMPROVEMENT) {
                best = perCall;
                stable = 0;
            } else {
                stable++;
            }
        }
    }

    private List<Samples> sample(int[] n) {
        int k = targets.size();
        int wanted = spec.samples();
        long budget = wanted > 0 ? Defaults.MAX_TIME.toNanos() : spec.time().toNanos() * k;
        int capacity = wanted > 0 ? wanted : 1024;
        double[][] raw = new double[k][capacity];
        double[][] base = new double[k][baseline == null ? 0 : capacity];
        int count = 0;
        long start = timer.nanoTime();
        while (true) {
            if (count == capacity) {
                capacity *= 2;
                for (int i = 0; i < k; i++) {
                    raw[i] = Arrays.copyOf(raw[i], capacity);
                    base[i] = baseline == null ? base[i] : Arrays.copyOf(base[i], capacity);
                }
            }
            for (int i = 0; i < k; i++) {
                raw[i][count] = (double) timeBatch(targets.get(i), n[i]) / n[i];
                if (baseline != null) {
                    base[i][count] = (double) timeBatch(baseline, baselineBatch) / baselineBatch;
                }
            }
            count++;
            long elapsed = timer.nanoTime() - start;
            if (wanted > 0 ? count >= wanted : count >= Defaults.MIN_SAMPLES && elapsed >= budget) {
                break;
            }
            if (elapsed >= Defaults.MAX_TIME.toNanos() * k) {
                break;
            }
            progress.report(
                    MeasureListener.Phase.SAMPLING,
                    wanted > 0 ? (double) count / wanted : Math.min(1, (double) elapsed / budget));
        }
        List<Samples> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(new Samples(
                    Arrays.copyOf(raw[i], count), baseline == null ? null : Arrays.copyOf(base[i], count), n[i]));
        }
        return out;
    }

    private static void untimed(Probe probe, int n) {
        if (probe.run(n) < n) {
            throw new CallFailed(probe);
        }
    }

    private long timeBatch(Probe probe, int n) {
        // Checked once a batch (tens of microseconds): Ctrl-C in the shell interrupts this thread.
        if (Thread.interrupted()) {
            throw new MeasurementInterrupted();
        }
        long t0 = timer.nanoTime();
        int done = probe.run(n);
        long t1 = timer.nanoTime();
        if (done < n) {
            throw new CallFailed(probe);
        }
        return t1 - t0;
    }

    private static double median(double[] values, int count) {
        double[] copy = Arrays.copyOf(values, count);
        Arrays.sort(copy);
        return count % 2 == 1 ? copy[count / 2] : (copy[count / 2 - 1] + copy[count / 2]) / 2;
    }
}
