package dev.sysc.os;

/**
 * The libc calls {@code sysc profile} needs besides perf_event_open: the start gate's FIFO, mounting
 * tracefs, and handing its perf events to a short-lived process that releases them.
 */
public interface ProfileCalls {
    int mkfifo(String path, int mode);

    int mount(String source, String target, String fstype, long flags, long data);

    /** fcntl with an int argument (F_SETFD); variadic in C, ABI-safe with integer arguments. */
    int fcntl(int fd, int cmd, int arg);

    int posix_spawn(long pid, String path, long fileActions, long attr, long argv, long envp);
}
