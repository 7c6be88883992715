package dev.sysc.os;

/**
 * The kernel will not count system calls with perf events here: no tracefs, no syscall tracepoints,
 * or perf_event_open refused. {@link #fix()} says in one phrase what would change that.
 */
public final class PerfUnavailableException extends RuntimeException {
    private final String fix;

    public PerfUnavailableException(String reason, String fix) {
        super(reason);
        this.fix = fix;
    }

    /** What to change so that perf events work, e.g. {@code sysctl kernel.perf_event_paranoid=-1}. */
    public String fix() {
        return fix;
    }
}
