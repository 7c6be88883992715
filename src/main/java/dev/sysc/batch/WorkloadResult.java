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
 * @param receiver   for a selection, the receiver's own figures and the crossings counted; else null
 */
public record WorkloadResult(
        WorkloadInfo info,
        boolean available,
        String reason,
        boolean failed,
        List<BatchSeries> series,
        BatchFit fit,
        Integer breakEven,
        double loopPerOp,
        ReceiverFigures receiver) {
    public WorkloadResult {
        series = List.copyOf(series);
    }

    public static WorkloadResult unavailable(WorkloadInfo info, String reason, boolean failed) {
        return new WorkloadResult(info, false, reason, failed, List.of(), null, null, Double.NaN, null);
    }

    public String name() {
        return info.name();
    }

    /** The series of {@code strategy}, if measured. */
    public java.util.Optional<BatchSeries> series(String strategy) {
        return series.stream().filter(s -> s.strategy().equals(strategy)).findFirst();
    }

    /** The receiver's ns per wanted item of {@code strategy} at {@code k}; NaN without receiver figures. */
    public double receiverPerWanted(String strategy, int k) {
        return receiver == null
                ? Double.NaN
                : receiver.receiver(strategy).map(s -> s.at(k)).orElse(Double.NaN);
    }

    /**
     * The receiver's ns per item sent (every item of the batch, wanted or not) of {@code strategy} at
     * {@code k}: its ns per wanted item spread over the whole batch; NaN without receiver figures.
     */
    public double receiverPerSent(String strategy, int k) {
        if (receiver == null || info.selection() == null) {
            return Double.NaN;
        }
        return receiverPerWanted(strategy, k)
                * info.operations(k)
                / info.selection().perBatch();
    }

    /**
     * The receiver's share: what it costs per wanted item with the batched strategy (the filter) over
     * what it costs receiving everything, at {@code k}; about 1/K when each recv costs the same. NaN
     * without receiver figures, or when either figure is not positive (lost in noise).
     */
    public double receiverShare(int k) {
        double batched = receiverPerWanted(info.batched(), k);
        double loop = receiverPerWanted(info.loop(), k);
        return batched > 0 && loop > 0 ? batched / loop : Double.NaN;
    }

    /** The batch sizes measured, ascending. */
    public int[] sizes() {
        return series.isEmpty()
                ? new int[0]
                : series.get(0).points().stream().mapToInt(BatchPoint::batch).toArray();
    }
}
