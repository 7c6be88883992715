package dev.sysc.os;

/** A native call sysc needed (not the one being measured) failed with {@code errno}. */
public final class NativeCallException extends RuntimeException {
    private final int errno;

    public NativeCallException(String call, int errno) {
        super(call + " failed: " + Errnos.describe(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
