package dev.sysc.report;

import dev.sysc.batch.BatchPoint;
import dev.sysc.batch.BatchRun;
import dev.sysc.batch.BatchSeries;
import dev.sysc.batch.WorkloadInfo;
import dev.sysc.batch.WorkloadResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sysc batch}: per workload a table, a log-scale chart and the fit in a sentence; or batch/v1 JSON
 * ({@link BatchJson}), CSV ({@link BatchCsv}), Markdown ({@link BatchMarkdown}).
 */
public final class BatchReport {
    public static final String SCHEMA = "sysc/batch/v1";

    private BatchReport() {}

    public static String render(BatchRun run, Format format) {
        return render(run, format, Style.NONE);
    }

    /** {@code style} colors the table only: an unavailable workload in red. */
    public static String render(BatchRun run, Format format, Style style) {
        return render(run, format, style, TextWidth.DEFAULT);
    }

    /** {@code width} applies to the table: sentences wrap and the chart's columns narrow to fit. */
    public static String render(BatchRun run, Format format, Style style, int width) {
        switch (format) {
            case JSON:
                return BatchJson.json(run);
            case CSV:
                return BatchCsv.csv(run);
            case MARKDOWN:
                return BatchMarkdown.markdown(run);
            default:
                return table(run, style, width);
        }
    }

    // ---- table ----

    private static String table(BatchRun run, Style style, int width) {
        StringBuilder sb = new StringBuilder(Cells.hostLine(run.host(), width));
        int inside = width - INDENT.length();
        for (WorkloadResult w : run.workloads()) {
            sb.append('\n').append(TextWidth.indent(w.name() + " — " + w.info().title(), width, "", "  "));
            if (!w.available()) {
                String unavailable = TextWidth.indent("unavailable: " + w.reason(), width, INDENT, INDENT + "  ");
                unavailable.lines().forEach(l -> sb.append(style.red(l)).append('\n'));
                continue;
            }
            if (w.info().kind() == WorkloadInfo.Kind.SELECT) {
                sb.append('\n').append(selectionTables(w, width, inside)).append('\n');
            } else {
                sb.append('\n').append(indent(grid(w).render(inside))).append('\n');
            }
            sb.append(indent(BatchChart.render(w, inside))).append('\n');
            for (String line : BatchWords.sentences(w)) {
                sb.append(TextWidth.indent(line, width, INDENT, INDENT + "  "));
            }
            if (w.info().note() != null) {
                sb.append(TextWidth.indent("Note: " + w.info().note() + ".", width, INDENT, INDENT + "  "));
            }
        }
        sb.append('\n').append(TextWidth.paragraphs(BatchWords.legend(run), width));
        return sb.toString();
    }

    /** Everything of a workload sits under its title, this far in. */
    private static final String INDENT = "  ";

    private static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append(INDENT).append(line);
            }
            sb.append('\n');
        }
        return sb.toString().replaceAll("\n+$", "\n");
    }

    private static TextTable grid(WorkloadResult w) {
        WorkloadInfo info = w.info();
        int[] sizes = w.sizes();
        if (info.kind() == WorkloadInfo.Kind.BUFFER) {
            BatchSeries s = w.series().get(0);
            TextTable t = new TextTable(List.of("bytes", "ns per " + s.strategy(), "ns per byte"), true, true, true);
            for (BatchPoint p : s.points()) {
                t.add(List.of(
                        BatchWords.bytes(p.batch()),
                        Numbers.ns(p.nsPerOp() * p.batch()),
                        Numbers.perUnit(p.nsPerOp())));
            }
            return t;
        }
        List<String> headers = new ArrayList<>();
        headers.add("batch");
        for (BatchSeries s : w.series()) {
            headers.add(s.strategy());
        }
        List<BatchSeries> others = BatchWords.others(w);
        for (BatchSeries s : others) {
            headers.add(others.size() == 1 ? "speedup" : "speedup " + s.strategy());
        }
        boolean[] right = new boolean[headers.size()];
        java.util.Arrays.fill(right, true);
        TextTable t = new TextTable(headers, right);
        BatchSeries loop = w.series(info.loop()).orElseThrow();
        for (int size : sizes) {
            List<String> row = new ArrayList<>();
            row.add(Numbers.count(size));
            for (BatchSeries s : w.series()) {
                row.add(Numbers.perUnit(s.at(size)));
            }
            for (BatchSeries s : others) {
                row.add(BatchWords.speedup(loop.at(size), s.at(size)));
            }
            t.add(row);
        }
        return t;
    }

    /**
     * A selection: the whole batch per K (the wanted items, each strategy's ns per wanted item with the
     * send included, the speedup, the crossings counted), then the receiver alone when it was measured.
     */
    private static String selectionTables(WorkloadResult w, int width, int inside) {
        WorkloadInfo info = w.info();
        StringBuilder sb = new StringBuilder();
        if (w.receiver() != null) {
            sb.append(TextWidth.indent(
                    "The receiver alone (each batch less the send alone), ns per " + info.unit()
                            + " and per " + info.selection().item() + " sent (/sent); share = " + info.batched()
                            + " / " + info.loop() + ":",
                    width,
                    INDENT,
                    INDENT + "  "));
            List<String> headers = SelectionWords.receiverHeaders(w, s -> s, s -> s + "/sent");
            TextTable t = new TextTable(headers, rightAligned(headers.size()));
            // On a narrow screen the per-item-sent columns go first, then the recv calls: the receiver's
            // figures per wanted item and the share are the point.
            t.optional(headers.size() - 1, headers.size() - 2, 1);
            SelectionWords.receiverRows(w, Numbers::count).forEach(t::add);
            sb.append(indent(t.render(inside))).append('\n');
        }
        sb.append(TextWidth.indent(
                "The whole batch, the send of all " + info.selection().perBatch() + " included, ns per " + info.unit()
                        + ":",
                width,
                INDENT,
                INDENT + "  "));
        List<String> headers = new ArrayList<>(List.of("1 in K", "wanted"));
        for (BatchSeries s : w.series()) {
            headers.add(s.strategy());
        }
        headers.addAll(List.of("speedup", "crossings", "saved"));
        TextTable t = new TextTable(headers, rightAligned(headers.size()));
        // Narrow screens lose what can be read off the others first: saved, the speedup, the wanted count.
        t.optional(headers.size() - 1, headers.size() - 3, 1);
        SelectionWords.selectionRows(w, Numbers::count).forEach(t::add);
        sb.append(indent(t.render(inside)));
        return sb.toString();
    }

    private static boolean[] rightAligned(int columns) {
        boolean[] right = new boolean[columns];
        java.util.Arrays.fill(right, true);
        return right;
    }
}
