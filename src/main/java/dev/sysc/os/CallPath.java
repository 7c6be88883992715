package dev.sysc.os;

import java.util.Locale;

/**
 * How a call reaches the kernel: through libc's wrapper, forced through syscall(2), the vDSO function
 * itself, or the bare {@code syscall} instruction inline in the native loop (no function frame at all).
 */
public enum CallPath {
    LIBC, SYSCALL, VDSO, RAW;

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
