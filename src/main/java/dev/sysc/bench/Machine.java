package dev.sysc.bench;

import dev.sysc.host.HostInfo;
import dev.sysc.os.HostReader;
import dev.sysc.os.Platform;
import dev.sysc.os.Terminal;

/**
 * What a command asks of the machine before it measures or prints, so that commands reach the
 * operating system only through the engine: is this a platform sysc measures, what host is this, and
 * is standard error a terminal (for a progress line), how wide is the terminal output goes to.
 */
public final class Machine {
    private Machine() {}

    /** @throws Platform.UnsupportedPlatformException (exit 1) off Linux x86-64 */
    public static void requireSupported() {
        Platform.requireSupported();
    }

    /** A snapshot of this host: kernel, CPU, clocksource, vulnerabilities, command line. */
    public static HostInfo host() {
        return HostReader.live().read();
    }

    public static boolean stderrIsTerminal() {
        return Terminal.isStderrTerminal();
    }

    /** Whether this process can call the legacy vsyscall page (it is mapped executable). */
    public static boolean vsyscallCallable() {
        return dev.sysc.os.Vsyscall.mode().callable();
    }

    /** The width of the terminal on standard output, or 0 when it is not one (or will not say). */
    public static int stdoutColumns() {
        return Terminal.stdoutColumns();
    }
}
