package dev.sysc.bench;

import dev.sysc.host.HostInfo;
import dev.sysc.stats.Summary;
import java.time.Instant;
import java.util.List;

/**
 * Everything one `measure` produced: what was measured, where, when, how, and the results.
 *
 * @param bridge what one call through the Java-to-C bridge costs (ns per call), measured beside a
 *               native-loop run; null when it was not measured
 */
public record MeasureRun(
        String toolVersion,
        Instant timestamp,
        HostInfo host,
        MeasureSpec spec,
        List<CallResult> results,
        Summary bridge) {
    public MeasureRun {
        results = List.copyOf(results);
    }

    public MeasureRun(
            String toolVersion, Instant timestamp, HostInfo host, MeasureSpec spec, List<CallResult> results) {
        this(toolVersion, timestamp, host, spec, results, null);
    }

    public boolean allOk() {
        return results.stream().allMatch(CallResult::ok);
    }
}
