package dev.sysc.batch;

import dev.sysc.bench.MeasureSpec;
import dev.sysc.host.HostInfo;
import java.time.Instant;
import java.util.List;

/** Everything one {@code sysc batch} produced. */
public record BatchRun(
        String toolVersion, Instant timestamp, HostInfo host, MeasureSpec spec, List<WorkloadResult> workloads) {
    public BatchRun {
        workloads = List.copyOf(workloads);
    }

    /** Whether no batch failed while being measured (a workload refused at setup is not a failure). */
    public boolean ok() {
        return workloads.stream().noneMatch(WorkloadResult::failed);
    }
}
