package dev.sysc.probe;

import dev.sysc.os.Bindings;
import dev.sysc.os.Errnos;
import dev.sysc.os.NoopCalls;
import dev.sysc.os.Syscalls;
import java.util.Map;

/** The two floors every other cost sits on: the FFI call alone, and the bare kernel entry and exit. */
final class FloorProbes {
    /** Far above any x86-64 syscall number and below the x32 bit, so the kernel answers ENOSYS. */
    static final long INVALID_SYSCALL = 100_000;

    private static final int ENOSYS = 38;

    private FloorProbes() {}

    static void register(Map<String, ProbeMaker> m) {
        m.put("ffi-noop", s -> {
            NoopCalls noop = Bindings.noop();
            s.natively().libcFunction("getpagesize");
            s.natively().unchecked();
            return noop::getpagesize;
        });
        m.put("enosys", s -> {
            Syscalls sys = Bindings.syscalls();
            // ENOSYS is the expected answer; anything else (EPERM from a seccomp filter, say) means the
            // kernel did something other than the bare entry and exit. Checked once here so the timed
            // loop does not pay for reading errno.
            if (sys.syscall(INVALID_SYSCALL) != -1 || Errnos.last() != ENOSYS) {
                throw new ProbeSetupException(
                        "syscall(" + INVALID_SYSCALL + ") did not fail with ENOSYS", Errnos.last());
            }
            s.natively().syscall(INVALID_SYSCALL);
            s.natively().unchecked();
            return () -> sys.syscall(INVALID_SYSCALL) == -1 ? 0 : -1;
        });
    }
}
