package dev.sysc.explain;

/**
 * The facts about one catalog call that its explanation needs, handed in by the caller so that this
 * package does not depend on the catalog.
 *
 * @param path    the path being explained: libc, syscall or vdso
 * @param kind    how that path reaches (or avoids) the kernel
 * @param topicId the explain topic of the call
 */
public record CallInfo(String name, String path, Kind kind, String topicId, String summary) {
    /** How a call's path reaches the kernel. */
    public enum Kind {
        /** Never enters the kernel (ffi-noop). */
        NEVER,
        /** Crosses every time. */
        KERNEL,
        /** Served by the vDSO without reading the clock hardware (time, getcpu, clock_getres). */
        VDSO,
        /** Served by the vDSO when it can read the clocksource; otherwise a real system call. */
        VDSO_CLOCK
    }
}
