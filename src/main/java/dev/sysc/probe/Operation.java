package dev.sysc.probe;

/**
 * One invocation of the measured call. Returns what the call returned: negative means it failed
 * (libc and syscall(2) return -1 and set errno; a vDSO function returns the negated errno).
 */
@FunctionalInterface
public interface Operation {
    long invoke();
}
