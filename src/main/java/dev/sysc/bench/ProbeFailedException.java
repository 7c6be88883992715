package dev.sysc.bench;

import dev.sysc.probe.Probe;

/** A probe's operation failed while being sampled; {@link #probe()} says which, and its errno why. */
public final class ProbeFailedException extends RuntimeException {
    private final transient Probe probe;

    ProbeFailedException(Probe probe) {
        super(probe.call().id() + " failed with errno " + probe.errno());
        this.probe = probe;
    }

    public Probe probe() {
        return probe;
    }

    public int errno() {
        return probe.errno();
    }
}
