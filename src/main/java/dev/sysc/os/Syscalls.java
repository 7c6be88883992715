package dev.sysc.os;

/**
 * libc's {@code syscall(2)}: enters the kernel with a number and raw arguments, bypassing the wrapper
 * (and the vDSO). It is variadic in C; with integer arguments only, binding fixed arities is ABI-safe.
 */
public interface Syscalls {
    long syscall(long nr);

    long syscall(long nr, long a1);

    long syscall(long nr, long a1, long a2);

    long syscall(long nr, long a1, long a2, long a3);

    long syscall(long nr, long a1, long a2, long a3, long a4);

    long syscall(long nr, long a1, long a2, long a3, long a4, long a5);

    long syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
}
