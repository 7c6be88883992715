package dev.sysc.bench;

import dev.sysc.probe.Probe;
import java.util.Arrays;

/**
 * Times batches of one probe, interleaved with the FFI baseline: calibrates the batch size, warms the
 * JIT up until batch times stop falling, then takes samples (A B A B ...) so that drift on a busy
 * machine hits the call and its baseline alike.
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
    private final Probe target;
    private final Probe baseline;
    private final MeasureSpec spec;
    private final Progress progress;

    /** What sampling produced: raw and baseline ns per call for each sample, and the batch size. */
    record Samples(double[] raw, double[] baseline, int callsPerSample) {
    }

    /** The probe stopped with {@code errno} before finishing a batch. */
    static final class CallFailed extends RuntimeException {
        final Probe probe;

        CallFailed(Probe probe) {
            super(null, null, false, false);
            this.probe = probe;
        }
    }

    /** Rate-limited progress of one call. */
    interface Progress {
        void report(MeasureListener.Phase phase, double fraction);
    }

    Sampler(Timer timer, Probe target, Probe baseline, MeasureSpec spec, Progress progress) {
        this.timer = timer;
        this.target = target;
        this.baseline = baseline;
        this.spec = spec;
        this.progress = progress;
    }

    Samples run() {
        // A first call is slow (lazy linking, cold caches): untimed, so calibration does not stop at a
        // batch of one on the strength of it when there is no warm-up to recalibrate after.
        untimed(target, PRIME_CALLS);
        if (baseline != null) {
            untimed(baseline, PRIME_CALLS);
        }
        int n = calibrate();
        if (!spec.warmup().isZero()) {
            warmUp(n);
            n = calibrate();
        }
        return sample(n);
    }

    /** The batch size that makes one timed batch of the target last about {@link Defaults#TARGET_BATCH_NANOS}. */
    int calibrate() {
        int n = 1;
        while (true) {
            long t = timeBatch(target, n);
            if (t >= Defaults.TARGET_BATCH_NANOS || n >= Defaults.MAX_BATCH) {
                return n;
            }
            double grow = t <= 0 ? 16 : 1.1 * Defaults.TARGET_BATCH_NANOS / t;
            n = (int) Math.min(Defaults.MAX_BATCH, Math.max(2L * n, (long) Math.ceil(n * grow)));
        }
    }

    /** Runs batches until per-call time stops falling (the loop is compiled), bounded by the warm-up time. */
    private void warmUp(int n) {
        long start = timer.nanoTime();
        long budget = spec.warmup().toNanos();
        long minimum = Math.min(budget, Defaults.MIN_WARMUP.toNanos());
        double best = Double.MAX_VALUE;
        int stable = 0;
        double[] window = new double[64];
        while (true) {
            long windowStart = timer.nanoTime();
            int count = 0;
            while (count < window.length && (count < 3 || timer.nanoTime() - windowStart < WINDOW_NANOS)) {
                window[count++] = (double) timeBatch(target, n) / n;
                if (baseline != null) {
                    timeBatch(baseline, n);
                }
            }
            double median = median(window, count);
            if (median < best * IMPROVEMENT) {
                best = median;
                stable = 0;
            } else {
                stable++;
            }
            long elapsed = timer.nanoTime() - start;
            progress.report(MeasureListener.Phase.WARMUP, Math.min(1, (double) elapsed / budget));
            if ((elapsed >= minimum && stable >= STABLE_WINDOWS) || elapsed >= budget) {
                return;
            }
        }
    }

    private Samples sample(int n) {
        int wanted = spec.samples();
        long budget = wanted > 0 ? Defaults.MAX_TIME.toNanos() : spec.time().toNanos();
        double[] raw = new double[wanted > 0 ? wanted : 1024];
        double[] base = baseline == null ? null : new double[raw.length];
        int count = 0;
        long start = timer.nanoTime();
        while (true) {
            if (count == raw.length) {
                raw = Arrays.copyOf(raw, raw.length * 2);
                base = base == null ? null : Arrays.copyOf(base, raw.length);
            }
            raw[count] = (double) timeBatch(target, n) / n;
            if (baseline != null) {
                base[count] = (double) timeBatch(baseline, n) / n;
            }
            count++;
            long elapsed = timer.nanoTime() - start;
            if (wanted > 0 ? count >= wanted : count >= Defaults.MIN_SAMPLES && elapsed >= budget) {
                break;
            }
            if (elapsed >= Defaults.MAX_TIME.toNanos()) {
                break;
            }
            progress.report(MeasureListener.Phase.SAMPLING,
                    wanted > 0 ? (double) count / wanted : Math.min(1, (double) elapsed / budget));
        }
        return new Samples(Arrays.copyOf(raw, count), base == null ? null : Arrays.copyOf(base, count), n);
    }

    private static void untimed(Probe probe, int n) {
        if (probe.run(n) < n) {
            throw new CallFailed(probe);
        }
    }

    private long timeBatch(Probe probe, int n) {
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
