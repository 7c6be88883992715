package dev.sysc.report;

import dev.sysc.batch.BatchFit;
import dev.sysc.batch.BatchPoint;
import dev.sysc.batch.BatchRun;
import dev.sysc.batch.BatchSeries;
import dev.sysc.batch.Strategy;
import dev.sysc.batch.WorkloadInfo;
import dev.sysc.batch.WorkloadResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code sysc batch}: per workload a table, a log-scale chart and the fit in a sentence; or batch/v1 JSON, CSV, Markdown. */
public final class BatchReport {
    public static final String SCHEMA = "sysc/batch/v1";

    private BatchReport() {
    }

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
            case JSON: return json(run);
            case CSV: return csv(run);
            case MARKDOWN: return markdown(run);
            default: return table(run, style, width);
        }
    }

    // ---- table ----

    private static String table(BatchRun run, Style style, int width) {
        StringBuilder sb = new StringBuilder(MeasureTable.hostLine(run.host(), width));
        int inside = width - INDENT.length();
        for (WorkloadResult w : run.workloads()) {
            sb.append('\n').append(TextWidth.indent(w.name() + " — " + w.info().title(), width, "", "  "));
            if (!w.available()) {
                String unavailable = TextWidth.indent("unavailable: " + w.reason(), width, INDENT, INDENT + "  ");
                unavailable.lines().forEach(l -> sb.append(style.red(l)).append('\n'));
                continue;
            }
            sb.append('\n').append(indent(grid(w).render(inside))).append('\n');
            sb.append(indent(BatchChart.render(w, inside))).append('\n');
            for (String line : sentences(w)) {
                sb.append(TextWidth.indent(line, width, INDENT, INDENT + "  "));
            }
            if (w.info().note() != null) {
                sb.append(TextWidth.indent("Note: " + w.info().note() + ".", width, INDENT, INDENT + "  "));
            }
        }
        sb.append('\n').append(TextWidth.paragraphs(legend(run), width));
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
        if (info.kind() == WorkloadInfo.Kind.SELECT) {
            return selectionGrid(w);
        }
        if (info.kind() == WorkloadInfo.Kind.BUFFER) {
            BatchSeries s = w.series().get(0);
            TextTable t = new TextTable(List.of("bytes", "ns per " + s.strategy(), "ns per byte"), true, true, true);
            for (BatchPoint p : s.points()) {
                t.add(List.of(bytes(p.batch()), Numbers.ns(p.nsPerOp() * p.batch()), Numbers.perUnit(p.nsPerOp())));
            }
            return t;
        }
        List<String> headers = new ArrayList<>();
        headers.add("batch");
        for (BatchSeries s : w.series()) {
            headers.add(s.strategy());
        }
        List<BatchSeries> others = others(w);
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
                row.add(speedup(loop.at(size), s.at(size)));
            }
            t.add(row);
        }
        return t;
    }

    /**
     * A selection: per K, the wanted items, each strategy's ns per wanted item, the speedup, and the
     * crossings one batch makes without the program and with it.
     */
    private static TextTable selectionGrid(WorkloadResult w) {
        WorkloadInfo info = w.info();
        List<String> headers = new ArrayList<>(List.of("1 in K", "wanted"));
        for (BatchSeries s : w.series()) {
            headers.add(s.strategy());
        }
        headers.addAll(List.of("speedup", "crossings", "saved"));
        boolean[] right = new boolean[headers.size()];
        java.util.Arrays.fill(right, true);
        TextTable t = new TextTable(headers, right);
        BatchSeries loop = w.series(info.loop()).orElseThrow();
        BatchSeries batched = w.series(info.batched()).orElseThrow();
        for (int k : w.sizes()) {
            List<String> row = new ArrayList<>(List.of(Numbers.count(k), Numbers.count(info.operations(k))));
            for (BatchSeries s : w.series()) {
                row.add(Numbers.perUnit(s.at(k)));
            }
            long without = crossings(info, info.loop(), k);
            long with = crossings(info, info.batched(), k);
            row.add(speedup(loop.at(k), batched.at(k)));
            row.add(Numbers.count(without) + " → " + Numbers.count(with));
            row.add(Numbers.count(without - with));
            t.add(row);
        }
        return t;
    }

    /** The system calls one batch of {@code strategy} makes at {@code size}: each one crossing into the kernel. */
    static long crossings(WorkloadInfo info, String strategy, int size) {
        return info.strategy(strategy).nativeCalls(info.operations(size));
    }

    private static List<BatchSeries> others(WorkloadResult w) {
        List<BatchSeries> others = new ArrayList<>();
        for (BatchSeries s : w.series()) {
            if (!s.strategy().equals(w.info().loop())) {
                others.add(s);
            }
        }
        return others;
    }

    static String speedup(double loop, double other) {
        if (!(loop > 0) || !(other > 0)) {
            return "—";
        }
        return Numbers.ratio(loop / other);
    }

    /** ns with a precision that suits small per-byte figures too. */
    /** 512 B, 4 KiB, 1 MiB. */
    static String bytes(long n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1 << 10 && n % (1 << 10) == 0) {
            return (n >> 10) + " KiB";
        }
        return n + " B";
    }

    private static String count(long n, WorkloadInfo info) {
        if (info.kind() == WorkloadInfo.Kind.BUFFER) {
            return bytes(n);
        }
        return Numbers.count(n) + " " + (n == 1 ? info.unit() : info.units());
    }

    /** The fit, and the break-even in one plain sentence. */
    static List<String> sentences(WorkloadResult w) {
        WorkloadInfo info = w.info();
        BatchFit fit = w.fit();
        int[] sizes = w.sizes();
        List<String> out = new ArrayList<>();
        if (info.kind() == WorkloadInfo.Kind.SELECT) {
            return selectionSentences(w);
        }
        if (info.kind() == WorkloadInfo.Kind.BUFFER) {
            if (fit == null) {
                out.add("Too few sizes to fit a cost line (give --sizes at least two).");
                return out;
            }
            out.add(String.format(Locale.ROOT, "fit (%s): one call ≈ %s ns + S × %s ns per byte (r² %.3f)",
                    fit.strategy(), Numbers.ns(fit.fixedNs()), Numbers.perUnit(fit.perOpNs()), fit.r2()));
            String tail = w.breakEven() == null
                    ? "at every size measured (up to " + bytes(sizes[sizes.length - 1]) + "), the crossing costs more than the bytes."
                    : "from " + bytes(w.breakEven()) + " on, copying the bytes costs more than the crossing itself.";
            out.add(String.format(Locale.ROOT, "One %s costs about %s ns whatever its size, plus %s ns per byte: %s",
                    fit.strategy(), Numbers.ns(fit.fixedNs()), Numbers.perUnit(fit.perOpNs()), tail));
            return out;
        }
        Strategy loop = info.strategy(info.loop());
        if (fit != null) {
            out.add(String.format(Locale.ROOT, "fit (%s): one batch ≈ %s ns + N × %s ns per %s (r² %.3f); %s: %s ns per %s",
                    fit.strategy(), Numbers.ns(fit.fixedNs()), Numbers.perUnit(fit.perOpNs()), info.unit(), fit.r2(),
                    loop.name(), Numbers.perUnit(w.loopPerOp()), info.unit()));
        }
        String largest = count(sizes[sizes.length - 1], info);
        BatchSeries loopSeries = w.series(info.loop()).orElseThrow();
        BatchSeries batchedSeries = w.series(info.batched()).orElseThrow();
        int bestSize = -1;
        double best = 1;
        for (int size : sizes) {
            double ratio = loopSeries.at(size) / batchedSeries.at(size);
            if (ratio > best) {
                best = ratio;
                bestSize = size;
            }
        }
        if (w.breakEven() == null && bestSize > 0) {
            out.add(String.format(Locale.ROOT, "%s beats %s only at some sizes, not from any size on (at best %s, at %s): "
                            + "here the work per %s, not the crossing, is most of the cost.",
                    capitalize(info.batchedPhrase()), info.loopPhrase(), Numbers.ratio(best),
                    count(bestSize, info), info.unit()));
        } else if (w.breakEven() == null) {
            out.add(capitalize(info.batchedPhrase()) + " never beats " + info.loopPhrase()
                    + " at the sizes measured (up to " + largest + ").");
        } else if (w.breakEven() == sizes[0] && sizes.length > 1) {
            out.add(String.format(Locale.ROOT, "At every size measured (%s to %s), %s beats %s here.",
                    count(sizes[0], info), largest, info.batchedPhrase(), info.loopPhrase()));
        } else {
            out.add(String.format(Locale.ROOT, "From %s on, %s beats %s here.", count(w.breakEven(), info),
                    info.batchedPhrase(), info.loopPhrase()));
        }
        return out;
    }

    /** What the crossings saved come to, and from which K the program pays for itself. */
    static List<String> selectionSentences(WorkloadResult w) {
        WorkloadInfo info = w.info();
        WorkloadInfo.Selection sel = info.selection();
        int[] ks = w.sizes();
        int largest = ks[ks.length - 1];
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Every batch carries %d %ss. Receiving them all takes %s crossings a batch; "
                        + "with %s it takes %s at 1 in %d (%s saved).", sel.perBatch(), sel.item(),
                Numbers.count(crossings(info, info.loop(), largest)), info.batchedPhrase(),
                Numbers.count(crossings(info, info.batched(), largest)), largest,
                Numbers.count(crossings(info, info.loop(), largest) - crossings(info, info.batched(), largest))));
        long saved = crossings(info, info.loop(), largest) - crossings(info, info.batched(), largest);
        double perBatch = (w.series(info.loop()).orElseThrow().at(largest)
                - w.series(info.batched()).orElseThrow().at(largest)) * info.operations(largest);
        if (saved > 0 && !(perBatch > 0) && Double.isFinite(perBatch)) {
            out.add(String.format(Locale.ROOT, "At 1 in %d the filter saves %d crossings a batch but no time here: its "
                    + "own work costs as much as the recv calls it spares.", largest, saved));
        } else if (saved > 0 && Double.isFinite(perBatch)) {
            out.add(String.format(Locale.ROOT, "At 1 in %d a batch costs %s ns less with the filter: about %s ns for each "
                            + "crossing saved (a recv of one %s, less the filter's own work).", largest,
                    Numbers.ns(perBatch), Numbers.ns(perBatch / saved), sel.item()));
        }
        Integer from = w.breakEven();
        if (from == null) {
            out.add(String.format(Locale.ROOT, "%s never costs less per %s than %s at the K measured (up to 1 in %d).",
                    capitalize(info.batchedPhrase()), info.unit(), info.loopPhrase(), largest));
        } else if (from == ks[0] && ks.length > 1) {
            out.add(String.format(Locale.ROOT, "At every K measured (1 in %d to 1 in %d), %s costs less per %s than %s.",
                    ks[0], largest, info.batchedPhrase(), info.unit(), info.loopPhrase()));
        } else {
            out.add(String.format(Locale.ROOT, "Break-even: from 1 in %d wanted on, %s costs less per %s than %s here.",
                    from, info.batchedPhrase(), info.unit(), info.loopPhrase()));
        }
        return out;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String legend(BatchRun run) {
        WorkloadInfo selection = run.workloads().stream().map(WorkloadResult::info)
                .filter(i -> i.kind() == WorkloadInfo.Kind.SELECT).findFirst().orElse(null);
        boolean selections = selection != null;
        boolean others = run.workloads().stream().anyMatch(w -> w.info().kind() != WorkloadInfo.Kind.SELECT);
        StringBuilder sb = new StringBuilder();
        if (others) {
            sb.append("Times are ns per operation (per byte for read): the median time of one batch divided by its size.\n");
        }
        if (selections) {
            String item = selection.selection().item();
            sb.append("For " + selection.name() + " the x axis is K (1 in K " + item + "s wanted) and times are ns per "
                    + selection.unit() + ": the median time of one batch divided by the " + item + "s kept; crossings "
                    + "= the system calls one batch makes.\n");
        }
        if (run.spec().baseline()) {
            sb.append("They are net of the Java-to-C call cost: each strategy has the FFI baseline (ffi-noop) "
                    + "subtracted once per native call it makes — a loop N times, a batch once — as sysc measure does.\n");
        } else {
            sb.append("They include the Java-to-C call cost (--no-baseline): a loop pays it N times, a batch once.\n");
        }
        if (others) {
            sb.append("speedup = the loop's ns per operation / the strategy's. The fit is least squares on the cost of "
                    + "one batch, weighted by 1/cost² so that the biggest batches do not drown the fixed cost.\n");
        }
        if (selections) {
            sb.append("For " + selection.name() + ", speedup = " + selection.loop() + "'s ns per " + selection.unit()
                    + " / " + selection.batched() + "'s.\n");
        }
        return sb.toString();
    }

    // ---- json, csv, markdown ----

    private static String json(BatchRun run) {
        Map<String, Object> doc = ResultJson.header(SCHEMA, run.toolVersion(), run.timestamp());
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
                    pm.put("crossings", crossings(w.info(), s.strategy(), p.batch()));
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

    private static String csv(BatchRun run) {
        // ops_per_batch: what ns_per_op divides a batch by (its size; the wanted datagrams for filter, where batch is K).
        StringBuilder sb = new StringBuilder("workload,strategy,batch,ns_per_op,ops_per_batch\n");
        for (WorkloadResult w : run.workloads()) {
            for (BatchSeries s : w.series()) {
                for (BatchPoint p : s.points()) {
                    sb.append(Csv.row(w.name(), s.strategy(), p.batch(), String.format(Locale.ROOT, "%.4f", p.nsPerOp()),
                            w.info().operations(p.batch())));
                }
            }
        }
        return sb.toString();
    }

    /** The selection table (ns per wanted item), then the program that does the selecting, disassembled. */
    private static String markdownSelection(WorkloadResult w) {
        WorkloadInfo info = w.info();
        StringBuilder sb = new StringBuilder("| 1 in K | wanted |");
        StringBuilder rule = new StringBuilder("|---:|---:|");
        for (BatchSeries s : w.series()) {
            sb.append(" ").append(s.strategy()).append(" (ns/").append(info.unit()).append(") |");
            rule.append("---:|");
        }
        sb.append(" speedup | crossings | saved |\n").append(rule).append("---:|---:|---:|\n");
        BatchSeries loop = w.series(info.loop()).orElseThrow();
        BatchSeries batched = w.series(info.batched()).orElseThrow();
        for (int k : w.sizes()) {
            sb.append("| ").append(k).append(" | ").append(info.operations(k)).append(" |");
            for (BatchSeries s : w.series()) {
                sb.append(" ").append(Numbers.perUnit(s.at(k))).append(" |");
            }
            long without = crossings(info, info.loop(), k);
            long with = crossings(info, info.batched(), k);
            sb.append(" ").append(speedup(loop.at(k), batched.at(k))).append(" | ").append(without).append(" → ")
                    .append(with).append(" | ").append(without - with).append(" |\n");
        }
        List<String> program = info.selection().program();
        if (!program.isEmpty()) {
            sb.append("\nThe socket filter (classic BPF), as attached with `setsockopt(SO_ATTACH_FILTER)`:\n\n```\n");
            program.forEach(line -> sb.append(line).append('\n'));
            sb.append("```\n");
        }
        return sb.toString();
    }

    private static String markdown(BatchRun run) {
        StringBuilder sb = new StringBuilder();
        sb.append("**Host:** ").append(MeasureTable.hostLine(run.host())).append("\n");
        for (WorkloadResult w : run.workloads()) {
            sb.append("\n## ").append(w.name()).append("\n\n").append(w.info().title()).append(".\n\n");
            if (!w.available()) {
                sb.append("**Unavailable:** ").append(w.reason()).append("\n");
                continue;
            }
            WorkloadInfo info = w.info();
            if (info.kind() == WorkloadInfo.Kind.SELECT) {
                sb.append(markdownSelection(w));
            } else if (info.kind() == WorkloadInfo.Kind.BUFFER) {
                sb.append("| bytes | ns per read | ns per byte |\n|---:|---:|---:|\n");
                for (BatchPoint p : w.series().get(0).points()) {
                    sb.append("| ").append(bytes(p.batch())).append(" | ").append(Numbers.ns(p.nsPerOp() * p.batch()))
                            .append(" | ").append(Numbers.perUnit(p.nsPerOp())).append(" |\n");
                }
            } else {
                sb.append("| batch |");
                StringBuilder rule = new StringBuilder("|---:|");
                for (BatchSeries s : w.series()) {
                    sb.append(" ").append(s.strategy()).append(" (ns/").append(info.unit()).append(") |");
                    rule.append("---:|");
                }
                for (BatchSeries s : others(w)) {
                    sb.append(" speedup ").append(s.strategy()).append(" |");
                    rule.append("---:|");
                }
                sb.append('\n').append(rule).append('\n');
                BatchSeries loop = w.series(info.loop()).orElseThrow();
                for (int size : w.sizes()) {
                    sb.append("| ").append(size).append(" |");
                    for (BatchSeries s : w.series()) {
                        sb.append(" ").append(Numbers.perUnit(s.at(size))).append(" |");
                    }
                    for (BatchSeries s : others(w)) {
                        sb.append(" ").append(speedup(loop.at(size), s.at(size))).append(" |");
                    }
                    sb.append('\n');
                }
            }
            sb.append('\n');
            for (String line : sentences(w)) {
                sb.append("- ").append(line).append('\n');
            }
            if (info.note() != null) {
                sb.append("- Note: ").append(info.note()).append(".\n");
            }
        }
        sb.append('\n').append(legend(run).replace("\n", " ").strip()).append('\n');
        return sb.toString();
    }
}
