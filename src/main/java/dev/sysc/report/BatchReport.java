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
        if (info.kind() == WorkloadInfo.Kind.BUFFER) {
            BatchSeries s = w.series().get(0);
            TextTable t = new TextTable(List.of("bytes", "ns per " + s.strategy(), "ns per byte"), true, true, true);
            for (BatchPoint p : s.points()) {
                t.add(List.of(bytes(p.batch()), Numbers.ns(p.nsPerOp() * p.batch()), perUnit(p.nsPerOp())));
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
                row.add(perUnit(s.at(size)));
            }
            for (BatchSeries s : others) {
                row.add(speedup(loop.at(size), s.at(size)));
            }
            t.add(row);
        }
        return t;
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
        return CompareReport.ratio(loop / other);
    }

    /** ns with a precision that suits small per-byte figures too. */
    static String perUnit(double ns) {
        if (Double.isNaN(ns)) {
            return "—";
        }
        if (Math.abs(ns) < 1) {
            return String.format(Locale.ROOT, "%.4f", ns);
        }
        return Numbers.ns(ns);
    }

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
        if (info.kind() == WorkloadInfo.Kind.BUFFER) {
            if (fit == null) {
                out.add("Too few sizes to fit a cost line (give --sizes at least two).");
                return out;
            }
            out.add(String.format(Locale.ROOT, "fit (%s): one call ≈ %s ns + S × %s ns per byte (r² %.3f)",
                    fit.strategy(), Numbers.ns(fit.fixedNs()), perUnit(fit.perOpNs()), fit.r2()));
            String tail = w.breakEven() == null
                    ? "at every size measured (up to " + bytes(sizes[sizes.length - 1]) + "), the crossing costs more than the bytes."
                    : "from " + bytes(w.breakEven()) + " on, copying the bytes costs more than the crossing itself.";
            out.add(String.format(Locale.ROOT, "One %s costs about %s ns whatever its size, plus %s ns per byte: %s",
                    fit.strategy(), Numbers.ns(fit.fixedNs()), perUnit(fit.perOpNs()), tail));
            return out;
        }
        Strategy loop = info.strategy(info.loop());
        if (fit != null) {
            out.add(String.format(Locale.ROOT, "fit (%s): one batch ≈ %s ns + N × %s ns per %s (r² %.3f); %s: %s ns per %s",
                    fit.strategy(), Numbers.ns(fit.fixedNs()), perUnit(fit.perOpNs()), info.unit(), fit.r2(),
                    loop.name(), perUnit(w.loopPerOp()), info.unit()));
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
                    capitalize(info.batchedPhrase()), info.loopPhrase(), CompareReport.ratio(best),
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

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String legend(BatchRun run) {
        StringBuilder sb = new StringBuilder();
        sb.append("Times are ns per operation (per byte for read): the median time of one batch divided by its size.\n");
        if (run.spec().baseline()) {
            sb.append("They are net of the Java-to-C call cost: each strategy has the FFI baseline (ffi-noop) "
                    + "subtracted once per native call it makes — a loop N times, a batch once — as sysc measure does.\n");
        } else {
            sb.append("They include the Java-to-C call cost (--no-baseline): a loop pays it N times, a batch once.\n");
        }
        sb.append("speedup = the loop's ns per operation / the strategy's. The fit is least squares on the cost of "
                + "one batch, weighted by 1/cost² so that the biggest batches do not drown the fixed cost.\n");
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
        return m;
    }

    private static String csv(BatchRun run) {
        StringBuilder sb = new StringBuilder("workload,strategy,batch,ns_per_op\n");
        for (WorkloadResult w : run.workloads()) {
            for (BatchSeries s : w.series()) {
                for (BatchPoint p : s.points()) {
                    sb.append(w.name()).append(',').append(s.strategy()).append(',').append(p.batch()).append(',')
                            .append(String.format(Locale.ROOT, "%.4f", p.nsPerOp())).append('\n');
                }
            }
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
            if (info.kind() == WorkloadInfo.Kind.BUFFER) {
                sb.append("| bytes | ns per read | ns per byte |\n|---:|---:|---:|\n");
                for (BatchPoint p : w.series().get(0).points()) {
                    sb.append("| ").append(bytes(p.batch())).append(" | ").append(Numbers.ns(p.nsPerOp() * p.batch()))
                            .append(" | ").append(perUnit(p.nsPerOp())).append(" |\n");
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
                        sb.append(" ").append(perUnit(s.at(size))).append(" |");
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
