package dev.sysc.os;

/** The libc calls {@code sysc profile} needs besides perf_event_open: the start gate's FIFO and mounting tracefs. */
public interface ProfileCalls {
    int mkfifo(String path, int mode);

    int mount(String source, String target, String fstype, long flags, long data);
}
