package dev.sysc.batch;

import java.util.List;

/**
 * What one workload measured, or why it could not.
 *
 * @param available  false when the kernel refused what the workload needs, or a batch failed
 * @param reason     null, or why the workload is unavailable, in one sentence
 * @param failed     true when a batch failed during measurement (exit code 1), not merely refused at setup
 * @param series     one per strategy, in the workload's order; empty when unavailable
 * @param fit        the fitted strategy's cost line, or null with fewer than two sizes
 * @param breakEven  the smallest size from which the batched strategy beats the loop (for read: from which
 *                   the bytes cost more than the call), or null when it never does at the sizes measured
 * @param loopPerOp  the loop's typical ns per operation (median over sizes), or NaN without a loop
 */
public record WorkloadResult(
        WorkloadInfo info,
        boolean available,
        String reason,
        boolean failed,
        List<BatchSeries> series,
        BatchFit fit,
        Integer breakEven,
        double loopPerOp) {
    public WorkloadResult {
        series = List.copyOf(series);
    }

    public static WorkloadResult unavailable(WorkloadInfo info, String reason, boolean failed) {
        return new WorkloadResult(info, false, reason, failed, List.of(), null, null, Double.NaN);
    }

    public String name() {
        return info.name();
    }

    /** The series of {@code strategy}, if measured. */
    public java.util.Optional<BatchSeries> series(String strategy) {
        return series.stream().filter(s -> s.strategy().equals(strategy)).findFirst();
    }

    /** The batch sizes measured, ascending. */
    public int[] sizes() {
        return series.isEmpty()
                ? new int[0]
                : series.get(0).points().stream().mapToInt(BatchPoint::batch).toArray();
    }
}
