package dev.sysc.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The legacy vsyscall page: three entry points at fixed addresses that predate the vDSO. Kernels
 * since 3.x no longer run code there; an instruction fetch from the page faults and the kernel emulates
 * the call (emulate_vsyscall in arch/x86/entry/vsyscall/vsyscall_64.c), so it now costs more than a real
 * system call. vsyscall=xonly (added in 2019, Linux 5.2, and the usual default since) and emulate both allow it; vsyscall=none removes
 * the page. Documentation/admin-guide/kernel-parameters.txt, "vsyscall=".
 */
public final class Vsyscall {
    /** The page's address: fixed by the old ABI, the same in every process. */
    static final long PAGE = 0xffffffffff600000L;

    private static final Map<String, Long> ENTRY_POINTS =
            Map.of("gettimeofday", PAGE, "time", PAGE + 0x400, "getcpu", PAGE + 0x800);

    private Vsyscall() {}

    /** How this process sees the page, read from /proc/self/maps. */
    public enum Mode {
        /** Mapped execute-only (vsyscall=xonly): calls trap and are emulated; reads fault. */
        XONLY,
        /** Mapped readable and executable (vsyscall=emulate): calls trap and are emulated. */
        EMULATE,
        /** Not mapped (vsyscall=none, or a kernel without CONFIG_X86_VSYSCALL_EMULATION). */
        NONE;

        public boolean callable() {
            return this != NONE;
        }
    }

    public static Mode mode() {
        return mode(Paths.get("/proc/self/maps"));
    }

    static Mode mode(Path maps) {
        List<String> lines;
        try {
            lines = Files.readAllLines(maps);
        } catch (IOException e) {
            return Mode.NONE;
        }
        for (String line : lines) {
            if (line.endsWith("[vsyscall]")) {
                String[] fields = line.trim().split("\\s+");
                String perms = fields.length > 1 ? fields[1] : "";
                if (perms.length() < 3 || perms.charAt(2) != 'x') {
                    return Mode.NONE;
                }
                return perms.charAt(0) == 'r' ? Mode.EMULATE : Mode.XONLY;
            }
        }
        return Mode.NONE;
    }

    /** Why the path cannot be used here, in words, or null when it can. */
    public static String unavailableReason(Mode mode) {
        return mode.callable()
                ? null
                : "this kernel maps no executable vsyscall page (booted with vsyscall=none, or built without "
                        + "vsyscall emulation)";
    }

    /**
     * The entry point of {@code function} (gettimeofday, time or getcpu) on the page.
     *
     * @throws NativeCallException when the page is not mapped executable, or the function has no entry
     */
    static long address(String function) {
        Long address = ENTRY_POINTS.get(function);
        if (address == null) {
            throw new NativeCallException(
                    "finding " + function + " on the vsyscall page (it has only " + "gettimeofday, time and getcpu)",
                    0);
        }
        String reason = unavailableReason(mode());
        if (reason != null) {
            throw new NativeCallException(reason, 0);
        }
        return address;
    }
}
