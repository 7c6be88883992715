package dev.sysc.bench;

import dev.sysc.probe.LoopKind;
import java.time.Duration;

/**
 * How to measure: the knobs of the measurement options, already validated.
 *
 * @param samples  exact number of samples to take, or 0 to take as many as fit in {@code time}
 * @param cpu      the CPU to pin the measuring thread to, or -1 for none
 * @param baseline whether to measure and subtract the baseline (the empty native loop, or ffi-noop
 *                 for the Java loop)
 * @param loop     what runs the calls: generated native code (the default) or the Java loop
 * @param seccomp  the length in instructions of the allow-all seccomp filter the calls are measured
 *                 under (on a thread of their own), or 0 for none
 */
public record MeasureSpec(
        Duration time, Duration warmup, int samples, int cpu, boolean baseline, LoopKind loop, int seccomp) {
    /** A spec with no seccomp filter. */
    public MeasureSpec(Duration time, Duration warmup, int samples, int cpu, boolean baseline, LoopKind loop) {
        this(time, warmup, samples, cpu, baseline, loop, 0);
    }

    /** A spec on the default, native loop. */
    public MeasureSpec(Duration time, Duration warmup, int samples, int cpu, boolean baseline) {
        this(time, warmup, samples, cpu, baseline, LoopKind.NATIVE);
    }

    public static MeasureSpec defaults() {
        return new MeasureSpec(Defaults.TIME, Defaults.WARMUP, 0, -1, true, LoopKind.NATIVE);
    }

    /** This spec with another loop. */
    public MeasureSpec withLoop(LoopKind other) {
        return new MeasureSpec(time, warmup, samples, cpu, baseline, other, seccomp);
    }

    /** This spec under an allow-all filter of {@code instructions} (0: none). */
    public MeasureSpec withSeccomp(int instructions) {
        return new MeasureSpec(time, warmup, samples, cpu, baseline, loop, instructions);
    }

    /** This spec with its sampling time (or sample count) split over {@code sweeps}, the warm-up kept. */
    public MeasureSpec splitOver(int sweeps) {
        return new MeasureSpec(
                time.dividedBy(sweeps),
                warmup,
                samples == 0 ? 0 : Math.max(1, (samples + sweeps - 1) / sweeps),
                cpu,
                baseline,
                loop,
                seccomp);
    }

    /**
     * A spec from what a user typed, each value checked: null for an option not given (no sample count,
     * no pinning, no seccomp filter).
     *
     * @throws SpecException (exit 2) naming the option and its bad value
     */
    public static MeasureSpec checked(
            Duration time,
            Duration warmup,
            Integer samples,
            Integer cpu,
            boolean baseline,
            LoopKind loop,
            Integer seccomp) {
        if (time.isZero() || time.isNegative()) {
            throw new SpecException("--time must be longer than 0");
        }
        if (time.compareTo(Defaults.MAX_TIME) > 0) {
            throw new SpecException("--time " + time.toMillis() + "ms is longer than the maximum, 60s");
        }
        if (warmup.compareTo(Defaults.MAX_TIME) > 0) {
            throw new SpecException("--warmup " + warmup.toMillis() + "ms is longer than the maximum, 60s");
        }
        if (samples != null && (samples < 1 || samples > Defaults.MAX_SAMPLES)) {
            throw new SpecException("--samples must be between 1 and " + Defaults.MAX_SAMPLES + ", not " + samples);
        }
        if (cpu != null) {
            if (cpu < 0) {
                throw new SpecException("--cpu must be a CPU number (0 or more), not " + cpu);
            }
            Pinning.check(cpu);
        }
        if (seccomp != null && (seccomp < 1 || seccomp > Defaults.MAX_SECCOMP_INSTRUCTIONS)) {
            throw new SpecException("--seccomp must be between 1 and " + Defaults.MAX_SECCOMP_INSTRUCTIONS
                    + " instructions, not " + seccomp);
        }
        return new MeasureSpec(
                time,
                warmup,
                samples == null ? 0 : samples,
                cpu == null ? -1 : cpu,
                baseline,
                loop,
                seccomp == null ? 0 : seccomp);
    }
}
