package dev.sysc.os;

/** Process identity, limits and scheduling calls; pointers are passed as addresses of native memory. */
public interface ProcessCalls {
    int getpid();

    int getppid();

    int gettid();

    int getuid();

    int geteuid();

    int getpgrp();

    int getrlimit(int resource, long rlimit);

    int getrusage(int who, long usage);

    int umask(int mask);

    int uname(long utsname);

    int prctl(int option, long arg2, long arg3, long arg4, long arg5);

    int sched_yield();

    int sched_getaffinity(int pid, long cpusetsize, long mask);
}
