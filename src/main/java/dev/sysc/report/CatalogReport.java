package dev.sysc.report;

import dev.sysc.probe.CatalogEntry;
import dev.sysc.probe.Via;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog of calls, as a table, JSON ({@code sysc/catalog/v1}), CSV or Markdown. */
public final class CatalogReport {
    private CatalogReport() {}

    public static String render(List<CatalogEntry> entries, Format format) {
        return render(entries, format, TextWidth.DEFAULT);
    }

    /** {@code width} applies to the table: "what it does" wraps, or goes under its row when narrow. */
    public static String render(List<CatalogEntry> entries, Format format, int width) {
        switch (format) {
            case JSON:
                return json(entries);
            case CSV:
                return csv(entries);
            case MARKDOWN:
                return markdown(entries);
            default:
                return table(entries, width);
        }
    }

    private static String paths(CatalogEntry e) {
        return String.join(",", e.pathIds());
    }

    static String kernel(CatalogEntry e) {
        switch (e.via()) {
            case NONE:
                return "never";
            case VDSO:
                return "vDSO";
            case VDSO_CLOCK:
                return "vDSO (clock)";
            default:
                return e.crossings() > 1 ? "crosses ×" + e.crossings() : "crosses";
        }
    }

    private static String table(List<CatalogEntry> entries, int width) {
        TextTable t = new TextTable(List.of("call", "category", "paths", "kernel", "what it does")).wrapping(4);
        for (CatalogEntry e : entries) {
            t.add(List.of(e.name(), e.category(), paths(e), kernel(e), e.summary()));
        }
        return t.render(width) + "\n"
                + TextWidth.paragraphs(
                        "Measure one with `sysc measure NAME`, or pick a path "
                                + "with NAME@PATH (libc, syscall, vdso).\n\"vDSO (clock)\": served in user space when the "
                                + "clocksource allows it, else a real syscall.\n",
                        width);
    }

    private static String markdown(List<CatalogEntry> entries) {
        MarkdownTable t = MarkdownTable.left("call", "category", "paths", "kernel", "what it does");
        for (CatalogEntry e : entries) {
            t.row(MarkdownTable.code(e.name()), e.category(), paths(e), kernel(e), e.summary());
        }
        return t.toString();
    }

    private static String csv(List<CatalogEntry> entries) {
        StringBuilder sb = new StringBuilder("name,category,paths,via,syscalls,crossings,summary\n");
        for (CatalogEntry e : entries) {
            sb.append(Csv.row(
                    e.name(),
                    e.category(),
                    paths(e),
                    via(e.via()),
                    String.join(",", e.syscalls()),
                    e.crossings(),
                    e.summary()));
        }
        return sb.toString();
    }

    private static String json(List<CatalogEntry> entries) {
        List<Object> calls = new ArrayList<>();
        for (CatalogEntry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("category", e.category());
            m.put("paths", e.pathIds());
            m.put("via", via(e.via()));
            m.put("syscalls", e.syscalls());
            m.put("crossings", e.crossings());
            m.put("setup", e.setup());
            m.put("summary", e.summary());
            calls.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", "sysc/catalog/v1");
        doc.put("calls", calls);
        return ResultJson.write(doc);
    }

    private static String via(Via v) {
        return v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
