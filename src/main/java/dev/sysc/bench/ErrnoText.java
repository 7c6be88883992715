package dev.sysc.bench;

import dev.sysc.os.Errnos;

/** Words for an errno in a result (EPERM, "Operation not permitted"), for renderers that must not reach into os/. */
public final class ErrnoText {
    private ErrnoText() {}

    /** The symbolic name, e.g. {@code EPERM}. */
    public static String name(int errno) {
        return Errnos.name(errno);
    }

    /** The name with its description, e.g. {@code EPERM (Operation not permitted)}. */
    public static String describe(int errno) {
        return Errnos.describe(errno);
    }
}
