package dev.sysc.report;

import dev.sysc.bench.CallResult;
import dev.sysc.bench.ErrnoText;
import dev.sysc.bench.MeasureRun;
import java.util.List;

/** A measurement as a Markdown section: host line, a table, notes; for handouts and pull requests. */
public final class MeasureMarkdown {
    private MeasureMarkdown() {}

    public static String render(MeasureRun run) {
        StringBuilder sb = new StringBuilder();
        sb.append("**Host:** ").append(Cells.hostLine(run.host())).append("\n\n");
        MarkdownTable t = MarkdownTable.withFigures(
                3, "call", "path", "kernel", "net median (ns)", "p05–p95 (ns)", "raw (ns)", "baseline (ns)");
        for (CallResult r : run.results()) {
            if (r.ok()) {
                t.row(
                        MarkdownTable.code(r.name()),
                        r.path(),
                        Cells.kernel(r),
                        Cells.netCell(r).replace(" ns", "").replace("<", "&lt;"),
                        Cells.spread(r).replace("<", "&lt;"),
                        Numbers.ns(r.raw().median()),
                        r.baseline() == null ? "—" : Numbers.ns(r.baseline().median()));
            } else {
                t.row(
                        MarkdownTable.code(r.name()),
                        r.path(),
                        Cells.kernel(r),
                        "refused",
                        r.errno() != 0 ? ErrnoText.name(r.errno()) : "failed",
                        "",
                        "");
            }
        }
        sb.append(t).append('\n');
        for (CallResult r : run.results()) {
            List<String> notes = CallNotes.of(r, run.host(), run.spec());
            for (String note : notes) {
                sb.append("- `").append(r.name()).append("`: ").append(note).append('\n');
            }
        }
        sb.append('\n')
                .append(MeasureLegend.legend(run).replace('\n', ' ').trim())
                .append('\n');
        return sb.toString();
    }
}
