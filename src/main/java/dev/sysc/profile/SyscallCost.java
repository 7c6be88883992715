package dev.sysc.profile;

/**
 * One row of a profile: a system call, how often it was made, and what those crossings cost here.
 *
 * @param perSecond calls per second of the program's wall time
 * @param unitNs    the unit cost, ns per call (NaN when not even the floor could be measured)
 * @param estNs     count × unit cost
 */
public record SyscallCost(String name, long count, double perSecond, double unitNs, String unitSource, double estNs) {}
