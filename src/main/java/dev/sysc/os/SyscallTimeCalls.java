package dev.sysc.os;

/** {@link TimeCalls} forced through syscall(2): the real crossing the vDSO normally avoids. */
final class SyscallTimeCalls implements TimeCalls {
    private final Syscalls s;
    private final int clockGettime = SyscallNumbers.of("clock_gettime");
    private final int gettimeofday = SyscallNumbers.of("gettimeofday");
    private final int time = SyscallNumbers.of("time");
    private final int getcpu = SyscallNumbers.of("getcpu");
    private final int clockGetres = SyscallNumbers.of("clock_getres");

    SyscallTimeCalls(Syscalls s) {
        this.s = s;
    }

    @Override
    public int clock_gettime(int clock, long timespec) {
        return (int) s.syscall(clockGettime, clock, timespec);
    }

    @Override
    public int gettimeofday(long timeval, long timezone) {
        return (int) s.syscall(gettimeofday, timeval, timezone);
    }

    @Override
    public long time(long tloc) {
        return s.syscall(time, tloc);
    }

    @Override
    public int getcpu(long cpu, long node, long cache) {
        return (int) s.syscall(getcpu, cpu, node, cache);
    }

    @Override
    public int clock_getres(int clock, long timespec) {
        return (int) s.syscall(clockGetres, clock, timespec);
    }
}
