package dev.sysc.report;

import dev.sysc.batch.BatchPoint;
import dev.sysc.batch.BatchRun;
import dev.sysc.batch.BatchSeries;
import dev.sysc.batch.WorkloadResult;
import java.util.Locale;

/** Batch as CSV: one row per measured point. */
final class BatchCsv {
    private BatchCsv() {}

    static String csv(BatchRun run) {
        // ops_per_batch: what ns_per_op divides a batch by (its size; the wanted datagrams for filter, where batch is
        // K).
        StringBuilder sb = new StringBuilder("workload,strategy,batch,ns_per_op,ops_per_batch\n");
        for (WorkloadResult w : run.workloads()) {
            for (BatchSeries s : w.series()) {
                for (BatchPoint p : s.points()) {
                    sb.append(Csv.row(
                            w.name(),
                            s.strategy(),
                            p.batch(),
                            String.format(Locale.ROOT, "%.4f", p.nsPerOp()),
                            w.info().operations(p.batch())));
                }
            }
        }
        return sb.toString();
    }
}
