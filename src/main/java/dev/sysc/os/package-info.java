/**
 * The only package that reaches the operating system: jnr-ffi bindings to libc, the raw
 * {@code syscall(2)} entry and the vDSO, CPU affinity, and the host snapshot read from /proc and /sys.
 * Nothing here prints; nothing outside this package imports jnr.
 */
package dev.sysc.os;
