package dev.sysc.report;

import dev.sysc.batch.BatchPoint;
import dev.sysc.batch.BatchRun;
import dev.sysc.batch.BatchSeries;
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
                    pm.put("crossings", BatchWords.crossings(w.info(), s.strategy(), p.batch()));
                }
                pm.put("ns_per_op", Numbers.round(p.nsPerOp(), 4));
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
        return m;
    }
}
