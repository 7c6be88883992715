package dev.sysc.report;

import dev.sysc.bench.CallResult;
import dev.sysc.explain.AnnotatedStep;
import dev.sysc.explain.Explanation;
import dev.sysc.explain.Hint;
import dev.sysc.explain.PublishedCost;
import dev.sysc.explain.SpeculationToggles;
import dev.sysc.explain.VulnerabilityRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code sysc/explain/v1}: the explanation as JSON, with what was measured here. */
final class ExplainJson {
    private ExplainJson() {}

    static String json(ExplainRun run) {
        Explanation e = run.explanation();
        Map<String, Object> doc = ResultJson.header(ExplainReport.SCHEMA, run.toolVersion(), run.timestamp());
        doc.put("settings", run.settings() == null ? null : ResultJson.settings(run.settings()));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        subject.put("id", e.subjectId());
        subject.put("title", e.title());
        doc.put("subject", subject);
        doc.put("host_source", run.hostSource());
        doc.put("host", ResultJson.host(e.host()));
        Map<String, Object> vdso = new LinkedHashMap<>();
        vdso.put("serves_time", e.vdsoTime().active());
        vdso.put("reason", e.vdsoTime().reason());
        doc.put("vdso", vdso);
        List<Object> mitigations = new ArrayList<>();
        for (VulnerabilityRow r : e.vulnerabilities()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", r.file());
            m.put("status", r.status());
            m.put("name", r.mitigation() == null ? null : r.mitigation().name());
            m.put("active", r.onPath().active());
            m.put("reason", r.onPath().reason());
            m.put("adds", r.mitigation() == null ? null : r.mitigation().adds());
            m.put("boot_switch", r.mitigation() == null ? null : r.mitigation().bootSwitch());
            m.put("source", r.mitigation() == null ? null : r.mitigation().source());
            m.put("steps", r.mitigation() == null ? List.of() : r.mitigation().steps());
            List<Object> costs = new ArrayList<>();
            for (PublishedCost c : r.costs()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("label", "published");
                cm.put("figure", c.figure());
                cm.put("source", c.source());
                costs.add(cm);
            }
            m.put("published", costs);
            mitigations.add(m);
        }
        doc.put("mitigations", mitigations);
        List<Object> steps = new ArrayList<>();
        for (AnnotatedStep s : e.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.step().id());
            m.put("path", s.step().path());
            m.put("phase", s.step().phase());
            m.put("title", s.step().title());
            m.put("what", s.step().what());
            m.put("source", s.step().source());
            m.put("mitigations", s.step().mitigations());
            m.put("active", s.activation().active());
            m.put("reason", s.activation().reason());
            steps.add(m);
        }
        doc.put("steps", steps);
        if (e.topic() != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", e.topic().id());
            t.put("title", e.topic().title());
            t.put("markdown", e.topic().markdown());
            doc.put("topic", t);
        } else {
            doc.put("topic", null);
        }
        List<Object> toggles = new ArrayList<>();
        for (SpeculationToggles.Toggle t : e.toggles()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("feature", t.feature().id());
            m.put("status", t.status());
            m.put("active", t.availability().active());
            m.put("reason", t.availability().reason());
            dev.sysc.bench.ToggleMeasurement tm = run.toggles().stream()
                    .filter(x -> x.feature() == t.feature())
                    .findFirst()
                    .orElse(null);
            if (tm != null) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("initial_state", tm.initialState());
                mm.put("note", tm.note());
                mm.put("mitigation_off", measuredList(tm.without()));
                mm.put("mitigation_on", measuredList(tm.with()));
                m.put("measured", mm);
            }
            toggles.add(m);
        }
        doc.put("speculation_control", toggles);
        doc.put("measured", measuredList(run.measured()));
        if (run.batching() != null) {
            // The bpf topic's filter run goes under its own key; batching's stays where it was.
            boolean selection = run.batching().info().kind() == dev.sysc.batch.WorkloadInfo.Kind.SELECT;
            doc.put(selection ? "filter" : "batching", BatchJson.workloadJson(run.batching()));
        }
        if (run.experiments() != null) {
            doc.put("experiments", IndirectCostsJson.json(run.experiments(), e.host()));
        }
        doc.put("measure_note", run.measureNote());
        List<Object> next = new ArrayList<>();
        for (Hint h : e.next()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.id());
            m.put("topic", h.topic());
            m.put("text", h.text());
            next.add(m);
        }
        doc.put("next", next);
        return ResultJson.write(doc);
    }

    private static List<Object> measuredList(List<CallResult> results) {
        List<Object> out = new ArrayList<>();
        for (CallResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", "measured");
            m.put("name", r.name());
            m.put("path", r.path());
            m.put("crosses_kernel", r.crossesKernel());
            m.put("errno", r.errno());
            m.put("net_median_ns", r.ok() ? Numbers.round(r.net().median(), 3) : null);
            m.put("raw_median_ns", r.ok() ? Numbers.round(r.raw().median(), 3) : null);
            m.put(
                    "baseline_median_ns",
                    r.ok() && r.baseline() != null ? Numbers.round(r.baseline().median(), 3) : null);
            m.put("samples", r.samples());
            out.add(m);
        }
        return out;
    }
}
