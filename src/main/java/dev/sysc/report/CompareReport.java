package dev.sysc.report;

import dev.sysc.bench.CallResult;
import dev.sysc.bench.CompareRun;
import dev.sysc.bench.ErrnoText;
import dev.sysc.bench.MeasureRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Calls side by side: table with ratios and bars, or result/v1 JSON, CSV and Markdown with a ratio each. */
public final class CompareReport {
    /** The longest bar: a wider terminal shows no more than this. */
    static final int BAR_WIDTH = 30;
    /** Shorter than this, bars cannot show a ratio: the column is left out. */
    static final int MIN_BAR = 5;

    private CompareReport() {}

    public static String render(CompareRun compare, Format format) {
        return render(compare, format, Style.NONE);
    }

    public static String render(CompareRun compare, Format format, Style style) {
        return render(compare, format, style, TextWidth.DEFAULT);
    }

    /** {@code width} applies to the table: the bars take the room the other columns leave, up to {@link #BAR_WIDTH}. */
    public static String render(CompareRun compare, Format format, Style style, int width) {
        switch (format) {
            case JSON:
                return json(compare);
            case CSV:
                return csv(compare);
            case MARKDOWN:
                return markdown(compare);
            default:
                return table(compare, style, width);
        }
    }

    private static String table(CompareRun c, Style style, int width) {
        MeasureRun run = c.run();
        StringBuilder sb = new StringBuilder(Cells.hostLine(run.host(), width)).append('\n');
        int withoutBars = TextWidth.widest(rows(c, style, 0).render(width));
        int bars = Math.min(BAR_WIDTH, width - withoutBars - 2);
        sb.append(rows(c, style, bars < MIN_BAR ? 0 : bars).render(width)).append('\n');
        for (String note : notes(c)) {
            sb.append(TextWidth.indent(note, width, "  ", "    "));
        }
        String legend = "ratio = net median / " + c.baseline().id() + "'s net median"
                + (bars < MIN_BAR ? ".\n" : "; the bars are scaled to the slowest call.\n")
                + "The calls were sampled in rounds (each call in turn, every round) so that any drift "
                + "of the machine hits them alike.\n" + MeasureLegend.legend(run);
        sb.append('\n').append(Cells.dimLines(TextWidth.paragraphs(legend, width), style));
        return sb.toString();
    }

    /** The table, with bars of up to {@code bars} cells (none when 0). */
    private static TextTable rows(CompareRun c, Style style, int bars) {
        MeasureRun run = c.run();
        List<String> headers = new ArrayList<>(List.of("call", "path", "kernel", "net median", "p05–p95", "ratio"));
        if (bars > 0) {
            headers.add("");
        }
        TextTable t = new TextTable(headers, false, false, false, true, true, true, false)
                .color(2, style::kernelColor, style)
                .color(3, style::emphasis, style)
                .optional(4);
        double slowest = run.results().stream()
                .filter(CallResult::ok)
                .mapToDouble(r -> r.net().median())
                .max()
                .orElse(0);
        for (CallResult r : run.results()) {
            List<String> row = new ArrayList<>();
            row.add(r.name());
            row.add(r.path());
            row.add(Cells.kernel(r));
            if (r.ok()) {
                row.add(Cells.netCell(r));
                row.add(Cells.spread(r));
                row.add(c.ratio(r).map(Numbers::ratio).orElse("—"));
                if (bars > 0) {
                    row.add(bar(r.net().median(), slowest, bars));
                }
            } else {
                row.add("refused");
                row.add(r.errno() != 0 ? ErrnoText.name(r.errno()) : "failed");
                row.add("");
                if (bars > 0) {
                    row.add("");
                }
            }
            t.add(row);
        }
        return t;
    }

    /** Sentences that say why rows differ: per-call notes, then what the vDSO saves where both paths were run. */
    static List<String> notes(CompareRun c) {
        List<String> notes = new ArrayList<>();
        List<CallResult> results = c.run().results();
        List<String> noisy = new ArrayList<>();
        for (CallResult r : results) {
            for (String n : CallNotes.of(r, c.run().host(), c.run().spec())) {
                if (n.startsWith("noisy")) {
                    noisy.add(r.id());
                } else {
                    notes.add(r.id() + ": " + n);
                }
            }
        }
        if (!noisy.isEmpty()) {
            // One line for all of them: the cause (the machine) is shared, and so is the remedy.
            notes.add(CallNotes.compareNoisy(String.join(", ", noisy), c.run().spec()));
        }
        for (CallResult user : results) {
            if (!user.ok() || user.crossesKernel() || user.name().equals("ffi-noop")) {
                continue;
            }
            for (CallResult crossing : results) {
                if (crossing.ok()
                        && crossing.crossesKernel()
                        && crossing.name().equals(user.name())
                        && user.net().median() > 0) {
                    notes.add(CallNotes.text(
                            "compare-vdso",
                            user.id(),
                            Numbers.ratio(crossing.net().median() / user.net().median()),
                            crossing.id(),
                            Numbers.ns(crossing.net().median() - user.net().median())));
                }
            }
        }
        return notes;
    }

    /** A bar of {@code value / max} of {@code cells} cells; at least one for any positive value. */
    static String bar(double value, double max, int cells) {
        if (max <= 0 || value <= 0) {
            return "";
        }
        int length = (int) Math.round(value / max * cells);
        return "█".repeat(Math.max(1, length));
    }

    private static String json(CompareRun c) {
        Map<String, Object> doc = ResultJson.document(c.run());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) doc.get("results");
        for (int i = 0; i < results.size(); i++) {
            Double ratio = c.ratio(c.run().results().get(i))
                    .map(r -> Numbers.round(r, 4))
                    .orElse(null);
            results.get(i).put("ratio", ratio);
        }
        return ResultJson.write(doc);
    }

    private static String csv(CompareRun c) {
        StringBuilder sb = new StringBuilder(ResultCsv.HEADER).append(",ratio\n");
        for (CallResult result : c.run().results()) {
            List<Object> cells = new ArrayList<>(ResultCsv.cells(result));
            cells.add(c.ratio(result)
                    .map(r -> String.format(Locale.ROOT, "%.4f", r))
                    .orElse(""));
            sb.append(Csv.row(cells));
        }
        return sb.toString();
    }

    private static String markdown(CompareRun c) {
        StringBuilder sb = new StringBuilder();
        sb.append("**Host:** ").append(Cells.hostLine(c.run().host())).append("\n\n");
        MarkdownTable t =
                MarkdownTable.withFigures(3, "call", "path", "kernel", "net median (ns)", "p05–p95 (ns)", "ratio");
        for (CallResult r : c.run().results()) {
            if (r.ok()) {
                t.row(
                        MarkdownTable.code(r.name()),
                        r.path(),
                        Cells.kernel(r),
                        Cells.netCell(r).replace(" ns", "").replace("<", "&lt;"),
                        Numbers.ns(r.net().p05()) + "–" + Numbers.ns(r.net().p95()),
                        c.ratio(r).map(Numbers::ratio).orElse("—"));
            } else {
                t.row(
                        MarkdownTable.code(r.name()),
                        r.path(),
                        Cells.kernel(r),
                        "refused",
                        r.errno() != 0 ? ErrnoText.name(r.errno()) : "failed",
                        "");
            }
        }
        sb.append(t).append('\n');
        for (String note : notes(c)) {
            sb.append("- ").append(note).append('\n');
        }
        sb.append("\nratio = net median / `").append(c.baseline().id()).append("`'s net median.\n");
        return sb.toString();
    }
}
