package dev.sysc.os;

import com.kenai.jffi.MemoryIO;

/** Whether a standard stream is a terminal, asked of libc's isatty(3), and how wide the terminal is. */
public final class Terminal {
    /** ioctl(2) request for the window size (asm-generic/ioctls.h, the same on x86-64). */
    static final long TIOCGWINSZ = 0x5413;
    /** struct winsize: four unsigned shorts, ws_row, ws_col, ws_xpixel, ws_ypixel. */
    private static final int WINSIZE_BYTES = 8;

    private static final int WS_COL_OFFSET = 2;

    private Terminal() {}

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
            MemoryIO memory = MemoryIO.getInstance();
            long winsize = memory.allocateMemory(WINSIZE_BYTES, true);
            try {
                if (DirectLibc.ioctl(1, TIOCGWINSZ, winsize) != 0) {
                    return 0;
                }
                return Short.toUnsignedInt(memory.getShort(winsize + WS_COL_OFFSET));
            } finally {
                memory.freeMemory(winsize);
            }
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    private static boolean isTerminal(int fd) {
        try {
            return DirectLibc.isatty(fd) == 1;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
