package dev.sysc.profile;

import dev.sysc.host.HostInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A finished profile, as the reports show it.
 *
 * @param command         the program and its arguments, or empty when attached to a process
 * @param pid             the process attached to, or null
 * @param duration        how long to count an attached process, or null
 * @param exitStatus      the program's exit status, or null when attached
 * @param userNs          user time, or -1 when unknown (also for sysNs)
 * @param crossingFloorNs one bare crossing here (enosys); NaN when it could not be measured
 * @param crossingTaxNs   total calls × the floor: what entering and leaving the kernel alone cost
 * @param syscalls        by count, most first
 */
public record ProfileRun(
        String toolVersion,
        Instant timestamp,
        HostInfo host,
        List<String> command,
        Integer pid,
        Duration duration,
        Duration unitTime,
        Integer exitStatus,
        long wallNs,
        long userNs,
        long sysNs,
        CountingMethod counting,
        String countingNote,
        long totalCalls,
        double crossingFloorNs,
        double crossingTaxNs,
        List<SyscallCost> syscalls,
        List<Advice> advice) {
    public ProfileRun {
        command = List.copyOf(command);
        syscalls = List.copyOf(syscalls);
        advice = List.copyOf(advice);
    }

    /** The estimated kernel-crossing time of all calls: the sum of the rows' estimates. */
    public double estimatedNs() {
        return syscalls.stream()
                .mapToDouble(SyscallCost::estNs)
                .filter(Double::isFinite)
                .sum();
    }
}
