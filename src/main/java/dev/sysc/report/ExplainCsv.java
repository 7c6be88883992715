package dev.sysc.report;

import dev.sysc.explain.AnnotatedStep;
import dev.sysc.explain.VulnerabilityRow;

/** Explain as CSV: one row per annotated entry (mitigation, step, experiment figure). */
final class ExplainCsv {
    private ExplainCsv() {}

    /** One row per annotated entry. */
    static String csv(ExplainRun run) {
        StringBuilder sb = new StringBuilder("kind,id,status,active,reason\n");
        for (VulnerabilityRow r : run.explanation().vulnerabilities()) {
            sb.append(Csv.row(
                    "mitigation",
                    r.file(),
                    r.status(),
                    r.onPath().active(),
                    r.onPath().reason()));
        }
        for (AnnotatedStep s : run.explanation().steps()) {
            sb.append(Csv.row(
                    "step",
                    s.step().id(),
                    s.step().title(),
                    s.activation().active(),
                    s.activation().reason()));
        }
        if (run.experiments() != null) {
            sb.append(IndirectCostsCsv.csv(run.experiments()));
        }
        return sb.toString();
    }
}
