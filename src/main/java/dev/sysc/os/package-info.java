/**
 * The only package that reaches the operating system: jnr-ffi bindings to libc, the raw
 * {@code syscall(2)} entry and the vDSO, CPU affinity, the io_uring ring, the native-loop generator
 * (X86Encoder, NativeSequence, NativeLoop, ExecutablePages) and the host snapshot read from /proc and
 * /sys. Nothing here prints; nothing outside this package imports jnr or jffi.
 */
package dev.sysc.os;
