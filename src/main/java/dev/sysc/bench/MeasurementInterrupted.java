package dev.sysc.bench;

/** The measuring thread was interrupted (Ctrl-C in the shell): the run stops, its resources are released. */
public final class MeasurementInterrupted extends RuntimeException {
    public MeasurementInterrupted() {
        super("interrupted");
    }
}
