package dev.sysc.profile;

import dev.sysc.host.HostInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Turns counts and unit costs into a {@link ProfileRun}. */
public final class Profiles {
    private Profiles() {}

    /** What a run was: the command or the process, and the settings it was taken with. */
    public record Target(List<String> command, Integer pid, Duration duration, Duration unitTime) {
        public Target {
            command = List.copyOf(command);
        }
    }

    public static ProfileRun build(
            String toolVersion,
            Instant timestamp,
            HostInfo host,
            Target target,
            Counted counted,
            UnitCosts.Table costs) {
        double seconds = counted.wallNs() / 1e9;
        List<SyscallCost> rows = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> e : counted.counts().entrySet()) {
            UnitCost unit = costs.of(e.getKey());
            long n = e.getValue();
            total += n;
            rows.add(new SyscallCost(
                    e.getKey(), n, seconds > 0 ? n / seconds : 0, unit.ns(), unit.source(), n * unit.ns()));
        }
        rows.sort(Comparator.comparingLong(SyscallCost::count).reversed().thenComparing(SyscallCost::name));
        return new ProfileRun(
                toolVersion,
                timestamp,
                host,
                target.command(),
                target.pid(),
                target.duration(),
                target.unitTime(),
                counted.exitStatus(),
                counted.wallNs(),
                counted.userNs(),
                counted.sysNs(),
                counted.method(),
                counted.note(),
                total,
                costs.floorNs(),
                total * costs.floorNs(),
                rows,
                Advisor.advise(counted.counts(), costs));
    }
}
