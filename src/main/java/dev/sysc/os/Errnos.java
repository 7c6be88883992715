package dev.sysc.os;

import jnr.constants.platform.Errno;

/** errno values: the last one a native call left, and names from jnr-constants' table for this platform. */
public final class Errnos {
    private Errnos() {}

    /** The errno the last native call on this thread left behind; read it right after the call. */
    public static int last() {
        return Native.lastErrno();
    }

    /** Sets this thread's errno to 0. */
    public static void clear() {
        Native.setErrno(0);
    }

    /** The symbolic name, e.g. {@code EPERM}, or {@code errno N} when the platform table lacks it. */
    public static String name(int errno) {
        Errno e = Errno.valueOf(errno);
        return e == Errno.__UNKNOWN_CONSTANT__ ? "errno " + errno : e.name();
    }

    /** The name with its description, e.g. {@code EPERM (Operation not permitted)}. */
    public static String describe(int errno) {
        Errno e = Errno.valueOf(errno);
        return e == Errno.__UNKNOWN_CONSTANT__ ? "errno " + errno : e.name() + " (" + e.description() + ")";
    }
}
