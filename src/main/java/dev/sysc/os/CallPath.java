package dev.sysc.os;

import java.util.Locale;

/**
 * How a call reaches the kernel: through libc's wrapper, forced through syscall(2), the vDSO function
 * itself, the bare {@code syscall} instruction inline in the native loop (no function frame at all), or
 * the legacy vsyscall page, where the call traps and the kernel emulates it.
 */
public enum CallPath {
    LIBC,
    SYSCALL,
    VDSO,
    RAW,
    VSYSCALL;

    /** Whether the path exists only as generated code: on the Java loop, each call is a one-iteration native loop. */
    public boolean nativeOnly() {
        return this == RAW || this == VSYSCALL;
    }

    /** The lower-case name used on the command line ({@code getpid@syscall}) and in result files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The path named {@code id}, or null when there is none. */
    public static CallPath byId(String id) {
        for (CallPath p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }
}
