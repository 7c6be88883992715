package dev.sysc.os;

/** The time and CPU-number calls x86-64 Linux also exports from the vDSO (same C signatures there). */
public interface TimeCalls {
    int clock_gettime(int clock, long timespec);

    int gettimeofday(long timeval, long timezone);

    long time(long tloc);

    int getcpu(long cpu, long node, long cache);

    int clock_getres(int clock, long timespec);
}
