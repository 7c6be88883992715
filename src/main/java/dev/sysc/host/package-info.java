/**
 * The host snapshot as an immutable record: what the machine is (kernel, CPU, clocksource, flags,
 * vulnerability statuses). It depends on nothing; os/ reads it from /proc and /sys, and every other
 * package (bench results, reports, explain's rules) can use it without touching the operating system.
 */
package dev.sysc.host;
