package dev.sysc.report;

import dev.sysc.batch.BatchFit;
import dev.sysc.batch.BatchPoint;
import dev.sysc.batch.BatchSeries;
import dev.sysc.batch.Workload;
import dev.sysc.batch.WorkloadInfo;
import dev.sysc.batch.WorkloadResult;
import java.util.ArrayList;
import java.util.List;

/** A workload's result without measuring: the loop flat at {@code loopNs}, each batched strategy falling with size. */
final class HandMadeBatch {
    private HandMadeBatch() {}

    static WorkloadResult result(Workload workload, int[] sizes, double loopNs) {
        WorkloadInfo info = workload.info();
        List<BatchSeries> series = new ArrayList<>();
        int k = 1;
        for (var strategy : info.strategies()) {
            List<BatchPoint> points = new ArrayList<>();
            for (int size : sizes) {
                points.add(new BatchPoint(size, strategy.name().equals(info.loop()) ? loopNs : 250.0 * k / size + 1));
            }
            series.add(new BatchSeries(strategy.name(), points));
            k++;
        }
        return new WorkloadResult(
                info, true, null, false, series, new BatchFit(info.batched(), 245.6, 1.39, 0.993), sizes[1], loopNs);
    }
}
