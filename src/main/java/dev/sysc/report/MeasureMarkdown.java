package dev.sysc.report;

import dev.sysc.bench.ErrnoText;
import dev.sysc.bench.CallResult;
import dev.sysc.bench.MeasureRun;
import java.util.List;

/** A measurement as a Markdown section: host line, a table, notes; for handouts and pull requests. */
public final class MeasureMarkdown {
    private MeasureMarkdown() {
    }

    public static String render(MeasureRun run) {
        StringBuilder sb = new StringBuilder();
        sb.append("**Host:** ").append(MeasureTable.hostLine(run.host())).append("\n\n");
        sb.append("| call | path | kernel | net median (ns) | p05–p95 (ns) | raw (ns) | baseline (ns) |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|\n");
        for (CallResult r : run.results()) {
            sb.append("| `").append(r.name()).append("` | ").append(r.path()).append(" | ")
                    .append(MeasureTable.kernel(r)).append(" | ");
            if (r.ok()) {
                sb.append(MeasureTable.netCell(r).replace(" ns", "").replace("<", "&lt;")).append(" | ")
                        .append(MeasureTable.spread(r).replace("<", "&lt;")).append(" | ")
                        .append(Numbers.ns(r.raw().median())).append(" | ")
                        .append(r.baseline() == null ? "—" : Numbers.ns(r.baseline().median())).append(" |\n");
            } else {
                sb.append("refused | ").append(r.errno() != 0 ? ErrnoText.name(r.errno()) : "failed")
                        .append(" | | |\n");
            }
        }
        sb.append('\n');
        for (CallResult r : run.results()) {
            List<String> notes = CallNotes.of(r, run.host(), run.spec());
            for (String note : notes) {
                sb.append("- `").append(r.name()).append("`: ").append(note).append('\n');
            }
        }
        sb.append('\n').append(MeasureTable.legend(run).replace('\n', ' ').trim()).append('\n');
        return sb.toString();
    }
}
