package dev.sysc.bench;

import java.time.Duration;

/**
 * How to measure: the knobs of the measurement options, already validated.
 *
 * @param samples  exact number of samples to take, or 0 to take as many as fit in {@code time}
 * @param cpu      the CPU to pin the measuring thread to, or -1 for none
 * @param baseline whether to measure and subtract the FFI baseline
 */
public record MeasureSpec(Duration time, Duration warmup, int samples, int cpu, boolean baseline) {
    public static MeasureSpec defaults() {
        return new MeasureSpec(Defaults.TIME, Defaults.WARMUP, 0, -1, true);
    }
}
