package dev.sysc.os;

/** Whether a standard stream is a terminal, asked of libc's isatty(3). */
public final class Terminal {
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

    private static boolean isTerminal(int fd) {
        try {
            return DirectLibc.isatty(fd) == 1;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
