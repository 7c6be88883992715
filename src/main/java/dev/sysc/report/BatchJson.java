package dev.sysc.report;

import dev.sysc.batch.BatchPoint;
import dev.sysc.batch.BatchRun;
import dev.sysc.batch.BatchSeries;
import dev.sysc.batch.CountedCrossings;
import dev.sysc.batch.WorkloadInfo;
import dev.sysc.batch.WorkloadResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code sysc/batch/v1}: every workload's points, fit and break-even as JSON. */
final class BatchJson {
    private BatchJson() {}

    static String json(BatchRun run) {
        Map<String, Object> doc = ResultJson.header(BatchReport.SCHEMA, run.toolVersion(), run.timestamp());
        doc.put("settings", ResultJson.settings(run.spec()));
        doc.put("host", ResultJson.host(run.host()));
        List<Object> workloads = new ArrayList<>();
        for (WorkloadResult w : run.workloads()) {
            workloads.add(workloadJson(w));
        }
        doc.put("workloads", workloads);
        return ResultJson.write(doc);
    }

    /** One workload's result as JSON, as sysc batch writes it (explain batching reuses it). */
    static Map<String, Object> workloadJson(WorkloadResult w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", w.name());
        m.put("available", w.available());
        m.put("reason", w.reason());
        List<Object> series = new ArrayList<>();
        for (BatchSeries s : w.series()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("strategy", s.strategy());
            List<Object> points = new ArrayList<>();
            for (BatchPoint p : s.points()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("batch", p.batch());
                if (w.info().kind() == WorkloadInfo.Kind.SELECT) {
                    pm.put("wanted", w.info().operations(p.batch()));
                    // Counted while a batch ran; null when it was not counted.
                    pm.put("crossings", SelectionWords.crossings(w, s.strategy(), p.batch()));
                    pm.put("recv_calls", SelectionWords.recvCalls(w, s.strategy(), p.batch()));
                    pm.put(
                            "dropped",
                            SelectionWords.counted(w, s.strategy(), p.batch())
                                    .map(CountedCrossings::dropped)
                                    .orElse(null));
                }
                pm.put("ns_per_op", Numbers.round(p.nsPerOp(), 4));
                if (w.receiver() != null) {
                    // The receiver alone: ns per wanted item, and per item sent, the send alone taken off.
                    pm.put("receiver_ns_per_op", number(w.receiverPerWanted(s.strategy(), p.batch())));
                    pm.put("receiver_ns_per_sent", number(w.receiverPerSent(s.strategy(), p.batch())));
                }
                points.add(pm);
            }
            sm.put("points", points);
            series.add(sm);
        }
        m.put("series", series);
        Map<String, Object> fit = null;
        if (w.fit() != null) {
            fit = new LinkedHashMap<>();
            fit.put("strategy", w.fit().strategy());
            fit.put("fixed_ns", Numbers.round(w.fit().fixedNs(), 3));
            fit.put("per_op_ns", Numbers.round(w.fit().perOpNs(), 5));
        }
        m.put("fit", fit);
        m.put("break_even_batch", w.breakEven());
        WorkloadInfo.Selection sel = w.info().selection();
        if (sel != null) {
            // Additive to batch/v1: "batch" is K here, and ns_per_op is per wanted item.
            m.put("x", "one_in_k");
            m.put("per_batch", sel.perBatch());
            m.put("unit", w.info().unit());
            m.put("program", sel.program());
        }
        if (w.receiver() != null) {
            m.put("send_only", sendOnlyJson(w));
            List<Object> shares = new ArrayList<>();
            for (int k : w.sizes()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("batch", k);
                sm.put("share", number(w.receiverShare(k)));
                shares.add(sm);
            }
            // The batched strategy's receiver ns per wanted item over the loop's, per K: about 1/K.
            m.put("receiver_share", shares);
        }
        return m;
    }

    /** The send alone that the receiver figures take off: what it is, its cost per K, and its counted batch. */
    private static Map<String, Object> sendOnlyJson(WorkloadResult w) {
        var r = w.receiver();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy", r.sendOnly().name());
        m.put("description", r.sendOnly().description());
        List<Object> points = new ArrayList<>();
        for (BatchPoint p : r.send().points()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("batch", p.batch());
            pm.put("ns_per_sent", number(p.nsPerOp()));
            pm.put("ns_per_batch", number(p.nsPerOp() * w.info().selection().perBatch()));
            var counted = r.counted(r.sendOnly().name(), p.batch());
            pm.put("recv_calls", counted.map(CountedCrossings::recvCalls).orElse(null));
            pm.put("dropped", counted.map(CountedCrossings::dropped).orElse(null));
            points.add(pm);
        }
        m.put("points", points);
        return m;
    }

    /** Rounded to 4 decimals, or null for no figure. */
    private static Double number(double v) {
        return Double.isFinite(v) ? Numbers.round(v, 4) : null;
    }
}
