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
        // K). The columns after it are filter's alone (empty for the others): the receiver's ns per wanted datagram
        // and per datagram sent (the batch less the send alone), the send alone's ns per batch, and one batch's
        // recv calls and crossings as counted.
        StringBuilder sb = new StringBuilder("workload,strategy,batch,ns_per_op,ops_per_batch,"
                + "receiver_ns_per_op,receiver_ns_per_sent,send_only_ns_per_batch,recv_calls,crossings\n");
        for (WorkloadResult w : run.workloads()) {
            for (BatchSeries s : w.series()) {
                for (BatchPoint p : s.points()) {
                    var r = w.receiver();
                    String receiver = r == null ? "" : figure(w.receiverPerWanted(s.strategy(), p.batch()));
                    String perSent = r == null ? "" : figure(w.receiverPerSent(s.strategy(), p.batch()));
                    String send = r == null
                            ? ""
                            : figure(r.send().at(p.batch())
                                    * w.info().selection().perBatch());
                    Long recvCalls = SelectionWords.recvCalls(w, s.strategy(), p.batch());
                    Long crossings = SelectionWords.crossings(w, s.strategy(), p.batch());
                    sb.append(Csv.row(
                            w.name(),
                            s.strategy(),
                            p.batch(),
                            String.format(Locale.ROOT, "%.4f", p.nsPerOp()),
                            w.info().operations(p.batch()),
                            receiver,
                            perSent,
                            send,
                            recvCalls == null ? "" : recvCalls,
                            crossings == null ? "" : crossings));
                }
            }
        }
        return sb.toString();
    }

    /** Four decimals, or empty for no figure. */
    private static String figure(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "";
    }
}
