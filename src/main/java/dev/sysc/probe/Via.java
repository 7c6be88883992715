package dev.sysc.probe;

/** What a call's default libc path does on its way to an answer. */
public enum Via {
    /** Enters the kernel. */
    KERNEL,
    /** Served in user space by the vDSO, whatever the clocksource. */
    VDSO,
    /** Served by the vDSO when the clocksource lets it read time; otherwise the vDSO falls back to the syscall. */
    VDSO_CLOCK,
    /** Never enters the kernel at all. */
    NONE
}
