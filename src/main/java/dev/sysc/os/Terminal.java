package dev.sysc.os;

/** Whether a standard stream is a terminal, asked of libc's isatty(3), and how wide the terminal is. */
public final class Terminal {
    /** ioctl(2) request for the window size (asm-generic/ioctls.h, the same on x86-64). */
    static final long TIOCGWINSZ = 0x5413;

    /** The isatty(3) and ioctl(2) bindings. */
    public interface TtyCalls {
        int isatty(int fd);

        /** ioctl(fd, TIOCGWINSZ, struct winsize *): four unsigned shorts, rows then columns. */
        int ioctl(int fd, long request, @jnr.ffi.annotations.Out short[] winsize);
    }

    private Terminal() {
    }

    public static boolean isStderrTerminal() {
        return isTerminal(2);
    }

    public static boolean isStdinTerminal() {
        return isTerminal(0);
    }

    public static boolean isStdoutTerminal() {
        return isTerminal(1);
    }

    /**
     * The width in columns of the terminal standard output is, or 0 when it is not a terminal or does
     * not know its size (a serial console can answer 0).
     */
    public static int stdoutColumns() {
        try {
            short[] winsize = new short[4];
            if (Native.libc(TtyCalls.class).ioctl(1, TIOCGWINSZ, winsize) != 0) {
                return 0;
            }
            return Short.toUnsignedInt(winsize[1]);
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    private static boolean isTerminal(int fd) {
        try {
            return Native.libc(TtyCalls.class).isatty(fd) == 1;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
