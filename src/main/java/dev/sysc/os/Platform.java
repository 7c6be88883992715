package dev.sysc.os;

import dev.sysc.exit.ExitCodes;
import dev.sysc.exit.SyscException;
import java.util.Locale;

/** Where sysc can measure: Linux on x86-64, whose syscall numbers and vDSO names it knows. */
public final class Platform {
    private Platform() {}

    /** Null when sysc can measure here, else one sentence saying why not. */
    public static String unsupportedReason() {
        return unsupportedReason(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    static String unsupportedReason(String osName, String osArch) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return "sysc measures Linux system calls, and this is " + osName
                    + " (its system calls, numbers and vDSO differ)";
        }
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return "sysc knows the system call numbers and vDSO of x86-64 Linux, and this is " + osArch
                    + " Linux: measuring here would call the wrong system calls";
        }
        return null;
    }

    /** @throws UnsupportedPlatformException when sysc cannot measure on this machine */
    public static void requireSupported() {
        String why = unsupportedReason();
        if (why != null) {
            throw new UnsupportedPlatformException(why);
        }
    }

    /** This machine is not one sysc can measure on. */
    public static final class UnsupportedPlatformException extends SyscException {
        public UnsupportedPlatformException(String message) {
            super(message, ExitCodes.FAILED);
        }
    }
}
