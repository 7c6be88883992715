package dev.sysc.os;

import dev.sysc.exit.ExitCodes;
import dev.sysc.exit.SyscException;

/** A native call sysc needed (not the one being measured) failed with {@code errno}. */
public final class NativeCallException extends SyscException {
    private final String call;
    private final int errno;

    public NativeCallException(String call, int errno) {
        super(call + " failed: " + Errnos.describe(errno), ExitCodes.FAILED);
        this.call = call;
        this.errno = errno;
    }

    /** The call that failed, e.g. {@code io_uring_setup}. */
    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }
}
