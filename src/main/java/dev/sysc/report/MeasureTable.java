package dev.sysc.report;

import dev.sysc.bench.CallResult;
import dev.sysc.bench.ErrnoText;
import dev.sysc.bench.MeasureRun;
import dev.sysc.host.HostInfo;
import java.util.ArrayList;
import java.util.List;

/** The human-readable table of a measurement, with notes that say what the numbers mean. */
public final class MeasureTable {
    private MeasureTable() {}

    public static String render(MeasureRun run) {
        return render(run, Style.NONE);
    }

    public static String render(MeasureRun run, Style style) {
        return render(run, style, TextWidth.DEFAULT);
    }

    /** The table fitted to {@code width} columns: notes and legend wrap, raw and baseline go first if need be. */
    public static String render(MeasureRun run, Style style, int width) {
        StringBuilder sb = new StringBuilder();
        sb.append(Cells.hostLine(run.host(), width)).append('\n');
        TextTable t = new TextTable(
                        List.of("call", "path", "kernel", "net median", "p05–p95", "raw", "baseline"),
                        false,
                        false,
                        false,
                        true,
                        true,
                        true,
                        true)
                .color(2, style::kernelColor, style)
                .color(3, style::emphasis, style)
                .optional(6, 5);
        for (CallResult r : run.results()) {
            t.add(row(r));
        }
        sb.append(t.render(width)).append('\n');
        int names =
                run.results().stream().mapToInt(r -> r.name().length()).max().orElse(0);
        // Notes hang beside their call's name while that leaves room for prose; else they go under it.
        boolean beside = width - names - 4 >= TextTable.MIN_WRAP * 2;
        for (CallResult r : run.results()) {
            List<String> notes = CallNotes.of(r, run.host(), run.spec());
            if (!beside && !notes.isEmpty()) {
                sb.append("  ").append(r.name()).append('\n');
            }
            for (int i = 0; i < notes.size(); i++) {
                String label = i == 0 ? r.name() : "";
                String first = beside ? "  " + label + " ".repeat(names - label.length()) + "  " : "    ";
                String rest = " ".repeat(first.length());
                String note = TextWidth.indent(notes.get(i), width, first, rest);
                sb.append(notes.get(i).startsWith("noisy") ? Cells.dimLines(note, style) : note);
            }
        }
        sb.append('\n').append(Cells.dimLines(TextWidth.paragraphs(MeasureLegend.legend(run), width), style));
        return sb.toString();
    }

    private static List<String> row(CallResult r) {
        List<String> cells = new ArrayList<>();
        cells.add(r.name());
        cells.add(r.path());
        cells.add(Cells.kernel(r));
        if (!r.ok()) {
            cells.add("refused");
            cells.add(r.errno() != 0 ? ErrnoText.name(r.errno()) : "failed");
            cells.add("");
            cells.add("");
            return cells;
        }
        cells.add(Cells.netCell(r));
        cells.add(Cells.spread(r));
        cells.add(Numbers.ns(r.raw().median()));
        cells.add(r.baseline() == null ? "—" : Numbers.ns(r.baseline().median()));
        return cells;
    }

    /** The one-line description of a host; kept here for cli (TourCommand), the renderers use {@link Cells}. */
    public static String hostLine(HostInfo h) {
        return Cells.hostLine(h);
    }
}
