package dev.sysc.profile;

/** How the system calls were counted. */
public enum CountingMethod {
    /** perf events on the syscalls:sys_enter_* tracepoints: exact, and cheap for the program. */
    PERF_EVENT("perf_event"),
    /** strace -f -c: exact counts, but every call stops the program twice, so its times are not used. */
    STRACE("strace");

    private final String id;

    CountingMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
