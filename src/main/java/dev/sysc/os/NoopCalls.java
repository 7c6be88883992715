package dev.sysc.os;

/**
 * A libc function that returns a value it already holds and never enters the kernel
 * ({@code getpagesize} reads a variable glibc filled in at start-up): what remains when it is timed
 * is the cost of the Java-to-native call itself, the floor sysc subtracts from every other call.
 */
public interface NoopCalls {
    int getpagesize();
}
