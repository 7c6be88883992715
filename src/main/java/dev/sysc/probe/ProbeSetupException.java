package dev.sysc.probe;

import dev.sysc.os.Errnos;

/** Preparing a call failed (a descriptor could not be opened, a ring could not be set up). */
public final class ProbeSetupException extends RuntimeException {
    private final int errno;

    public ProbeSetupException(String what, int errno) {
        super(what + ": " + Errnos.describe(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
