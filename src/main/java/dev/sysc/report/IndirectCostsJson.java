package dev.sysc.report;

import dev.sysc.bench.IndirectCostResults;
import dev.sysc.bench.PollutionResult;
import dev.sysc.bench.ReturnStackResult;
import dev.sysc.bench.SeccompResult;
import dev.sysc.explain.Activation;
import dev.sysc.explain.TlbOnCrossing;
import dev.sysc.host.HostInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The indirect-costs experiments as the {@code experiments} block of {@code sysc/explain/v1}. */
final class IndirectCostsJson {
    private IndirectCostsJson() {}

    static Map<String, Object> json(IndirectCostResults r, HostInfo host) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.returnStack() != null) {
            ReturnStackResult rs = r.returnStack();
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("per_frame_penalty_ns", round(rs.perFramePenaltyNs()));
            block.put("crossing_at_zero_frames_ns", round(rs.crossingAtZeroNs()));
            block.put("per_frame_no_crossing_ns", round(rs.perFrameNoCrossingNs()));
            block.put("r2", round(rs.r2()));
            block.put("extra_under_10_frames_ns", round(rs.extraUnder(IndirectCostsReport.TYPICAL_FRAMES)));
            List<Object> points = new ArrayList<>();
            for (ReturnStackResult.Point p : rs.points()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("frames", p.frames());
                pm.put("with_crossing_ns", round(p.withCrossingNs()));
                pm.put("without_crossing_ns", round(p.withoutCrossingNs()));
                pm.put("crossing_ns", round(p.crossingNs()));
                points.add(pm);
            }
            block.put("points", points);
            m.put("return_stack", block);
        }
        if (r.pollution() != null) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("crossing_ns", round(r.pollution().crossingNs()));
            Activation tlb = TlbOnCrossing.flushes(host);
            block.put("tlb_flushed_by_crossing", tlb.active());
            block.put("tlb_reason", tlb.reason());
            List<Object> points = new ArrayList<>();
            for (PollutionResult.Point p : r.pollution().points()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("working_set_bytes", p.workingSetBytes());
                pm.put("walk", p.walk());
                pm.put("crossing", p.crossing());
                pm.put("lines_per_pass", p.linesPerPass());
                pm.put("alone_ns", round(p.aloneNs()));
                pm.put("after_crossing_ns", round(p.afterNs()));
                pm.put("crossing_ns", round(p.crossingNs()));
                pm.put("extra_ns", round(p.extraNs()));
                pm.put("extra_per_line_ns", round(p.extraPerLineNs()));
                points.add(pm);
            }
            block.put("points", points);
            block.put("conclusion", IndirectCostsReport.pollutionConclusion(r.pollution()));
            m.put("pollution", block);
        }
        if (r.seccomp() != null) {
            List<Object> filters = new ArrayList<>();
            for (SeccompResult.Point p : r.seccomp().points()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("instructions", p.instructions());
                pm.put("inspects_argument", p.inspectsArgument());
                pm.put("action_cache", p.instructions() == 0 ? null : p.cacheable());
                pm.put("net_ns", round(p.netNs()));
                pm.put(
                        "added_ns",
                        p.instructions() == 0 ? null : round(r.seccomp().addedNs(p)));
                filters.add(pm);
            }
            m.put("seccomp_filter", filters);
            m.put("seccomp_filtered_threads_after", r.seccomp().filteredAfter());
        }
        m.put("failures", r.failures());
        return m;
    }

    private static Double round(double v) {
        return Double.isFinite(v) ? Numbers.round(v, 3) : null;
    }
}
