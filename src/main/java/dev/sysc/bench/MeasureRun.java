package dev.sysc.bench;

import dev.sysc.host.HostInfo;
import java.time.Instant;
import java.util.List;

/** Everything one `measure` produced: what was measured, where, when, how, and the results. */
public record MeasureRun(String toolVersion, Instant timestamp, HostInfo host, MeasureSpec spec,
                         List<CallResult> results) {
    public MeasureRun {
        results = List.copyOf(results);
    }

    public boolean allOk() {
        return results.stream().allMatch(CallResult::ok);
    }
}
