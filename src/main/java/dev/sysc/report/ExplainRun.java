package dev.sysc.report;

import dev.sysc.batch.WorkloadResult;
import dev.sysc.bench.CallResult;
import dev.sysc.bench.IndirectCostResults;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.explain.Explanation;
import java.time.Instant;
import java.util.List;

/**
 * What {@code sysc explain} shows: the explanation of a host, and what was measured live.
 *
 * @param hostSource  "live" for this machine, else the result file the host was read from
 * @param measured    live measurements (empty when none were taken)
 * @param measureNote why nothing was measured, or null
 * @param toggles     prctl toggle measurements (mitigations --measure), empty otherwise
 * @param settings    how the live measurements were taken; null when nothing was measured
 * @param batching    the batching topic's live run (a loop of writes against one writev and one write),
 *                    the bpf topic's (the filter workload at a few K), or null
 * @param experiments the indirect-costs topic's live experiments, or null
 */
public record ExplainRun(
        String toolVersion,
        Instant timestamp,
        String hostSource,
        Explanation explanation,
        List<CallResult> measured,
        String measureNote,
        List<dev.sysc.bench.ToggleMeasurement> toggles,
        MeasureSpec settings,
        WorkloadResult batching,
        IndirectCostResults experiments) {
    public ExplainRun {
        measured = List.copyOf(measured);
        toggles = List.copyOf(toggles);
    }
}
