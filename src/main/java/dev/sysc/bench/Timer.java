package dev.sysc.bench;

/** The clock samples are timed with; tests substitute a fake. */
@FunctionalInterface
public interface Timer {
    long nanoTime();

    /** {@link System#nanoTime()}: CLOCK_MONOTONIC through the vDSO, about 25 ns a read here. */
    Timer SYSTEM = System::nanoTime;
}
