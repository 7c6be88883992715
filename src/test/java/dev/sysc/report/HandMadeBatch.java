package dev.sysc.report;

import dev.sysc.batch.BatchFit;
import dev.sysc.batch.BatchPoint;
import dev.sysc.batch.BatchSeries;
import dev.sysc.batch.CountedCrossings;
import dev.sysc.batch.ReceiverFigures;
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
                info,
                true,
                null,
                false,
                series,
                new BatchFit(info.batched(), 245.6, 1.39, 0.993),
                sizes[1],
                loopNs,
                info.kind() == WorkloadInfo.Kind.SELECT ? receiver(info, sizes) : null);
    }

    /**
     * A selection's receiver: receiving everything 400.5 ns a datagram sent, the program 450.25 ns a wanted
     * datagram, the send alone 2,100 ns a datagram; the counts are what a real batch makes.
     */
    private static ReceiverFigures receiver(WorkloadInfo info, int[] sizes) {
        WorkloadInfo.Selection sel = info.selection();
        List<BatchPoint> send = new ArrayList<>();
        List<BatchPoint> loop = new ArrayList<>();
        List<BatchPoint> batched = new ArrayList<>();
        List<CountedCrossings> counted = new ArrayList<>();
        for (int k : sizes) {
            int wanted = info.operations(k);
            send.add(new BatchPoint(k, 2100));
            loop.add(new BatchPoint(k, 400.5 * sel.perBatch() / wanted));
            batched.add(new BatchPoint(k, 450.25));
            counted.add(new CountedCrossings(info.loop(), k, 1, sel.perBatch(), 0));
            counted.add(new CountedCrossings(info.batched(), k, 1, wanted, sel.perBatch() - wanted));
            counted.add(new CountedCrossings(sel.sendOnly().name(), k, 1, 0, sel.perBatch()));
        }
        return new ReceiverFigures(
                sel.sendOnly(),
                new BatchSeries(sel.sendOnly().name(), send),
                List.of(new BatchSeries(info.loop(), loop), new BatchSeries(info.batched(), batched)),
                counted);
    }
}
