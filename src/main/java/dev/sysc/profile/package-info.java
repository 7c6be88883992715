/**
 * {@code sysc profile}: counting every system call of a real program with the kernel's own counters
 * (or strace when perf events are not allowed), and costing the counts with unit costs measured on
 * this machine. Native calls stay in {@code os}; nothing here prints.
 */
package dev.sysc.profile;
