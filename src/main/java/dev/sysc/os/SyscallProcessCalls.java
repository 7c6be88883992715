package dev.sysc.os;

/** {@link ProcessCalls} forced through syscall(2). */
final class SyscallProcessCalls implements ProcessCalls {
    private final Syscalls s;
    private final int getpid = SyscallNumbers.of("getpid");
    private final int getppid = SyscallNumbers.of("getppid");
    private final int gettid = SyscallNumbers.of("gettid");
    private final int getuid = SyscallNumbers.of("getuid");
    private final int geteuid = SyscallNumbers.of("geteuid");
    private final int getpgrp = SyscallNumbers.of("getpgrp");
    private final int prlimit64 = SyscallNumbers.of("prlimit64");
    private final int getrusage = SyscallNumbers.of("getrusage");
    private final int umask = SyscallNumbers.of("umask");
    private final int uname = SyscallNumbers.of("uname");
    private final int prctl = SyscallNumbers.of("prctl");
    private final int schedYield = SyscallNumbers.of("sched_yield");
    private final int schedGetaffinity = SyscallNumbers.of("sched_getaffinity");

    SyscallProcessCalls(Syscalls s) {
        this.s = s;
    }

    @Override
    public int getpid() {
        return (int) s.syscall(getpid);
    }

    @Override
    public int getppid() {
        return (int) s.syscall(getppid);
    }

    @Override
    public int gettid() {
        return (int) s.syscall(gettid);
    }

    @Override
    public int getuid() {
        return (int) s.syscall(getuid);
    }

    @Override
    public int geteuid() {
        return (int) s.syscall(geteuid);
    }

    @Override
    public int getpgrp() {
        return (int) s.syscall(getpgrp);
    }
    /** glibc's getrlimit is prlimit64(0, resource, NULL, old): the same entry point here. */
    @Override
    public int getrlimit(int resource, long rlimit) {
        return (int) s.syscall(prlimit64, 0, resource, 0, rlimit);
    }

    @Override
    public int getrusage(int who, long usage) {
        return (int) s.syscall(getrusage, who, usage);
    }

    @Override
    public int umask(int mask) {
        return (int) s.syscall(umask, mask);
    }

    @Override
    public int uname(long utsname) {
        return (int) s.syscall(uname, utsname);
    }

    @Override
    public int prctl(int option, long arg2, long arg3, long arg4, long arg5) {
        return (int) s.syscall(prctl, option, arg2, arg3, arg4, arg5, 0);
    }

    @Override
    public int sched_yield() {
        return (int) s.syscall(schedYield);
    }

    @Override
    public int sched_getaffinity(int pid, long cpusetsize, long mask) {
        // The raw syscall returns the size of the kernel's mask, not 0 as the glibc wrapper does.
        long r = s.syscall(schedGetaffinity, pid, cpusetsize, mask);
        return r < 0 ? -1 : 0;
    }
}
