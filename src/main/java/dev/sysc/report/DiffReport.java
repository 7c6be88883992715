package dev.sysc.report;

import dev.sysc.compare.DiffRow;
import dev.sysc.compare.HostDifference;
import dev.sysc.compare.RunDiff;
import dev.sysc.compare.SavedRun;
import dev.sysc.compare.Unmatched;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Saved runs compared: host differences, then per call A, B, delta, p-value and verdict. */
public final class DiffReport {
    public static final String SCHEMA = "sysc/diff/v1";
    public static final String CSV_HEADER = "a_file,b_file,name,path,a_median_ns,b_median_ns,delta,p_value,significant";

    private DiffReport() {}

    /**
     * Renders one diff per later file (each compared with the first); the JSON names the sysc that
     * compared them ({@code toolVersion}) and when; {@code width} applies to the table: run lines, host
     * differences and the legend wrap to it.
     */
    public static String render(
            List<RunDiff> diffs,
            Format format,
            Style style,
            int width,
            String toolVersion,
            java.time.Instant timestamp) {
        switch (format) {
            case JSON:
                return json(diffs, toolVersion, timestamp);
            case CSV:
                return csv(diffs);
            case MARKDOWN:
                return markdown(diffs);
            default:
                return table(diffs, style, width);
        }
    }

    private static String table(List<RunDiff> diffs, Style style, int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < diffs.size(); i++) {
            RunDiff d = diffs.get(i);
            if (i > 0) {
                sb.append("\n────────────────────────────────────────\n\n");
            }
            sb.append(TextWidth.indent(runLine(d.a()), width, "A: ", "   "));
            sb.append(TextWidth.indent(runLine(d.b()), width, "B: ", "   ")).append('\n');
            if (d.hostDifferences().isEmpty()) {
                sb.append(TextWidth.indent(
                                "The hosts do not differ in kernel, CPU, clocksource, mitigation switches "
                                        + "or vulnerability status.",
                                width,
                                ""))
                        .append('\n');
            } else {
                sb.append("What differs between the hosts (A → B):\n");
                TextTable hosts = new TextTable(List.of("", "", "")).wrapping(2);
                for (HostDifference h : d.hostDifferences()) {
                    hosts.add(List.of(" ", h.key(), h.a() + "  →  " + h.b()));
                }
                sb.append(hosts.render(width).lines().skip(1).map(l -> l + "\n").reduce("", String::concat))
                        .append('\n');
            }
            TextTable t = new TextTable(
                            List.of("call", "path", "A median", "B median", "delta", "p", "verdict"),
                            false,
                            false,
                            true,
                            true,
                            true,
                            true,
                            true)
                    .color(6, style::verdictColor, style);
            for (DiffRow r : d.rows()) {
                t.add(List.of(
                        r.name(),
                        r.path(),
                        Numbers.ns(r.aMedianNs()) + " ns",
                        Numbers.ns(r.bMedianNs()) + " ns",
                        String.format(Locale.ROOT, "%+.1f%%", r.delta() * 100),
                        p(r.pValue()),
                        r.verdict()));
            }
            sb.append(t.render(width));
            if (!d.unmatched().isEmpty()) {
                sb.append("\nNot compared:\n");
                for (Unmatched u : d.unmatched()) {
                    sb.append(TextWidth.indent(u.id() + " (" + u.reason() + ")", width, "  ", "    "));
                }
            }
        }
        sb.append('\n')
                .append(TextWidth.paragraphs(
                        "Medians of the raw samples (ns per call, FFI cost included): the "
                                + "data the test runs on.\np: two-sided Mann-Whitney U test of A's samples against B's. verdict: "
                                + "\"~\" when p ≥ 0.05 or the change is under 1 %, otherwise the change B / A − 1.\n",
                        width));
        return sb.toString();
    }

    private static String runLine(SavedRun r) {
        return r.file() + " — " + Cells.hostLine(r.host()) + ", " + r.timestamp();
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String markdown(List<RunDiff> diffs) {
        StringBuilder sb = new StringBuilder();
        for (RunDiff d : diffs) {
            sb.append("**A:** ")
                    .append(runLine(d.a()))
                    .append("  \n**B:** ")
                    .append(runLine(d.b()))
                    .append("\n\n");
            if (!d.hostDifferences().isEmpty()) {
                MarkdownTable hosts = MarkdownTable.left("host", "A", "B");
                for (HostDifference h : d.hostDifferences()) {
                    hosts.row(h.key(), h.a(), h.b());
                }
                sb.append(hosts).append('\n');
            }
            MarkdownTable calls = MarkdownTable.withFigures(
                    2, "call", "path", "A median (ns)", "B median (ns)", "delta", "p", "verdict");
            for (DiffRow r : d.rows()) {
                calls.row(
                        MarkdownTable.code(r.name()),
                        r.path(),
                        Numbers.ns(r.aMedianNs()),
                        Numbers.ns(r.bMedianNs()),
                        String.format(Locale.ROOT, "%+.1f%%", r.delta() * 100),
                        p(r.pValue()),
                        r.verdict());
            }
            sb.append(calls);
            for (Unmatched u : d.unmatched()) {
                sb.append("\n- not compared: `")
                        .append(u.id())
                        .append("` (")
                        .append(u.reason())
                        .append(")");
            }
            sb.append("\n\n");
        }
        return sb.toString();
    }

    private static String csv(List<RunDiff> diffs) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (RunDiff d : diffs) {
            for (DiffRow r : d.rows()) {
                sb.append(Csv.row(
                        d.a().file(),
                        d.b().file(),
                        r.name(),
                        r.path(),
                        String.format(Locale.ROOT, "%.3f", r.aMedianNs()),
                        String.format(Locale.ROOT, "%.3f", r.bMedianNs()),
                        String.format(Locale.ROOT, "%.5f", r.delta()),
                        // An undefined p-value is an empty field, not "NaN".
                        r.hasPValue() ? String.format(Locale.ROOT, "%.6g", r.pValue()) : "",
                        r.significant()));
            }
        }
        return sb.toString();
    }

    private static String json(List<RunDiff> diffs, String toolVersion, java.time.Instant timestamp) {
        List<Object> docs = new ArrayList<>();
        for (RunDiff d : diffs) {
            docs.add(document(d, toolVersion, timestamp));
        }
        return ResultJson.write(docs.size() == 1 ? docs.get(0) : docs);
    }

    static Map<String, Object> document(RunDiff d, String toolVersion, java.time.Instant timestamp) {
        Map<String, Object> doc = ResultJson.header(SCHEMA, toolVersion, timestamp);
        // What decided each verdict; each side's own measurement settings are under "a" and "b".
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("test", "mann-whitney-u");
        settings.put("alpha", dev.sysc.compare.RunComparison.ALPHA);
        settings.put("min_change", dev.sysc.compare.RunComparison.MIN_CHANGE);
        doc.put("settings", settings);
        doc.put("a", side(d.a()));
        doc.put("b", side(d.b()));
        Map<String, Object> hosts = new LinkedHashMap<>();
        for (HostDifference h : d.hostDifferences()) {
            hosts.put(h.key(), List.of(h.a(), h.b()));
        }
        doc.put("host_differences", hosts);
        List<Object> rows = new ArrayList<>();
        for (DiffRow r : d.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("path", r.path());
            m.put("a_median_ns", Numbers.round(r.aMedianNs(), 3));
            m.put("b_median_ns", Numbers.round(r.bMedianNs(), 3));
            m.put("delta", Numbers.round(r.delta(), 5));
            m.put("p_value", r.hasPValue() ? r.pValue() : null);
            m.put("p_value_note", r.pNote());
            m.put("significant", r.significant());
            rows.add(m);
        }
        doc.put("rows", rows);
        List<String> unmatched = new ArrayList<>();
        for (Unmatched u : d.unmatched()) {
            unmatched.add(u.id());
        }
        doc.put("unmatched", unmatched);
        return doc;
    }

    private static Map<String, Object> side(SavedRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file());
        m.put("timestamp", r.timestamp());
        m.put("settings", r.settings());
        m.put("host", ResultJson.host(r.host()));
        return m;
    }
}
