package dev.sysc.os;

/**
 * Creating processes and threads, and installing signal handlers: libc functions with no single system
 * call behind them (or, for sigaction, a struct layout of glibc's own), so they have only a libc path.
 * Pointers are passed as addresses of native memory, function pointers included.
 */
public interface ChildCalls {
    /** 0, or the error number itself; errno is left alone. */
    int posix_spawn(long pid, long path, long fileActions, long attributes, long argv, long envp);

    int waitpid(int pid, long status, int options);

    /** 0, or the error number itself; errno is left alone. */
    int pthread_create(long thread, long attributes, long startRoutine, long argument);

    /** 0, or the error number itself. */
    int pthread_join(long thread, long returnValue);

    /** glibc's struct sigaction: handler at 0, sa_mask (128 bytes) at 8, sa_flags at 136, 152 bytes. */
    int sigaction(int signal, long action, long oldAction);

    /** The first real-time signal glibc leaves to applications (it keeps 32 and 33 for itself). */
    int __libc_current_sigrtmin();

    int tgkill(int pid, int tid, int signal);

    int gettid();

    int getpid();
}
