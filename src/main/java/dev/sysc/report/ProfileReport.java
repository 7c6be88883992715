package dev.sysc.report;

import dev.sysc.profile.Advice;
import dev.sysc.profile.CountingMethod;
import dev.sysc.profile.ProfileRun;
import dev.sysc.profile.SyscallCost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code sysc profile}: a program's system calls, counted and costed; as a table, profile/v1 JSON, CSV or Markdown. */
public final class ProfileReport {
    public static final String SCHEMA = "sysc/profile/v1";

    private ProfileReport() {}

    public static String render(ProfileRun run, Format format, Style style) {
        return render(run, format, style, TextWidth.DEFAULT);
    }

    /** {@code width} applies to the table: sentences wrap to it and the table folds to fit it. */
    public static String render(ProfileRun run, Format format, Style style, int width) {
        switch (format) {
            case JSON:
                return json(run);
            case CSV:
                return csv(run);
            case MARKDOWN:
                return markdown(run);
            default:
                return table(run, style, width);
        }
    }

    // ---- sentences shared by the table and Markdown ----

    static String what(ProfileRun run) {
        if (run.pid() != null) {
            return "process " + run.pid() + ", counted for " + time(run.wallNs())
                    + (run.exitStatus() == null ? "" : " (it exited)");
        }
        return String.join(" ", run.command()) + " — exit status " + run.exitStatus();
    }

    static String counting(ProfileRun run) {
        if (run.counting() == CountingMethod.PERF_EVENT) {
            return "Counted by the kernel: perf events on the syscalls:sys_enter_* tracepoints, every thread and child "
                    + "(exact, no ptrace).";
        }
        return "Counted with strace -f -c: exact counts; strace's times are not used.";
    }

    static String times(ProfileRun run) {
        return "wall " + time(run.wallNs()) + ", user " + cpu(run.userNs()) + ", system " + cpu(run.sysNs());
    }

    /** The crossing tax against system and wall time, in a sentence. */
    static String tax(ProfileRun run) {
        if (!Double.isFinite(run.crossingFloorNs())) {
            return Numbers.count(run.totalCalls()) + " system calls (the crossing floor could not be measured).";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(Numbers.count(run.totalCalls()))
                .append(" system calls. Crossing tax ")
                .append(Numbers.count(run.totalCalls()))
                .append(" × ")
                .append(Numbers.ns(run.crossingFloorNs()))
                .append(" ns (the floor: entry and exit alone, mitigations included) = ")
                .append(time(run.crossingTaxNs()));
        List<String> shares = new ArrayList<>();
        if (run.sysNs() > 0) {
            shares.add(Numbers.percent(run.crossingTaxNs() / run.sysNs()) + " of system time");
        }
        if (run.wallNs() > 0) {
            shares.add(Numbers.percent(run.crossingTaxNs() / run.wallNs()) + " of wall time");
        }
        if (!shares.isEmpty()) {
            sb.append(": ").append(String.join(", ", shares));
        }
        return sb.append('.').toString();
    }

    static String adviceLine(Advice a) {
        String saving = a.savingNs() == null ? "" : " (up to " + time(a.savingNs()) + " to save)";
        return a.text() + saving + " — measure it: " + a.command();
    }

    // ---- table ----

    private static String table(ProfileRun run, Style style, int width) {
        StringBuilder sb = new StringBuilder(Cells.hostLine(run.host(), width)).append("\n");
        sb.append(TextWidth.indent(what(run), width, ""));
        sb.append(TextWidth.indent(times(run), width, ""));
        sb.append(TextWidth.indent(counting(run), width, ""));
        if (run.countingNote() != null) {
            sb.append(style.dim(TextWidth.indent("Note: " + run.countingNote() + ".", width, "")));
        }
        sb.append(TextWidth.indent(tax(run), width, "")).append("\n");
        if (run.syscalls().isEmpty()) {
            sb.append("No system calls were counted.\n");
        } else {
            TextTable t = new TextTable(
                    List.of("syscall", "count", "calls/s", "unit ns", "unit from", "est. time"),
                    false,
                    true,
                    true,
                    true,
                    false,
                    true);
            for (SyscallCost c : run.syscalls()) {
                t.add(List.of(
                        c.name(),
                        Numbers.count(c.count()),
                        perSecond(c.perSecond()),
                        unit(c.unitNs()),
                        c.unitSource(),
                        time(c.estNs())));
            }
            t.add(List.of(
                    "total",
                    Numbers.count(run.totalCalls()),
                    perSecond(run.totalCalls() / (run.wallNs() / 1e9)),
                    "",
                    "",
                    time(run.estimatedNs())));
            sb.append(t.render(width));
        }
        if (!run.advice().isEmpty()) {
            sb.append("\nWhat the counts suggest:\n");
            for (Advice a : run.advice()) {
                sb.append(TextWidth.indent(adviceLine(a), width, "  - ", "    "));
            }
        }
        sb.append('\n').append(style.dim(TextWidth.paragraphs(legend(), width)));
        return sb.toString();
    }

    static String legend() {
        return "unit ns: the net cost of one call on this machine, from the catalog call that makes it (measured:NAME, "
                + "on its syscall path, cached per host and kernel) or, where none does, the bare crossing (floor). "
                + "est. time = count × unit ns: the time spent crossing into the kernel and back for those calls, "
                + "not the work a call does on large inputs.";
    }

    // ---- JSON ----

    private static String json(ProfileRun run) {
        Map<String, Object> doc = ResultJson.header(SCHEMA, run.toolVersion(), run.timestamp());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("pid", run.pid());
        settings.put("for", run.duration() == null ? null : run.duration().toMillis() + "ms");
        settings.put("unit_time", run.unitTime() == null ? null : run.unitTime().toMillis() + "ms");
        doc.put("settings", settings);
        doc.put("host", ResultJson.host(run.host()));
        doc.put("command", run.command());
        doc.put("exit_status", run.exitStatus());
        doc.put("wall_ns", run.wallNs());
        doc.put("user_ns", run.userNs() < 0 ? null : run.userNs());
        doc.put("sys_ns", run.sysNs() < 0 ? null : run.sysNs());
        doc.put("counting", run.counting().id());
        doc.put("counting_note", run.countingNote());
        doc.put("total_calls", run.totalCalls());
        doc.put("crossing_floor_ns", number(run.crossingFloorNs()));
        doc.put("crossing_tax_ns", number(run.crossingTaxNs()));
        List<Object> rows = new ArrayList<>();
        for (SyscallCost c : run.syscalls()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("count", c.count());
            m.put("calls_per_s", number(c.perSecond()));
            m.put("unit_ns", number(c.unitNs()));
            m.put("unit_source", c.unitSource());
            m.put("est_ns", number(c.estNs()));
            rows.add(m);
        }
        doc.put("syscalls", rows);
        List<Object> advice = new ArrayList<>();
        for (Advice a : run.advice()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("text", a.text());
            m.put("command", a.command());
            m.put("saving_ns", a.savingNs() == null ? null : number(a.savingNs()));
            advice.add(m);
        }
        doc.put("advice", advice);
        return ResultJson.write(doc);
    }

    /** A finite figure rounded for machine output, or null (never NaN, which JSON has not). */
    private static Double number(double v) {
        return Double.isFinite(v) ? Numbers.round(v, 3) : null;
    }

    // ---- CSV ----

    private static String csv(ProfileRun run) {
        StringBuilder sb = new StringBuilder("syscall,count,calls_per_s,unit_ns,unit_source,est_ns\n");
        for (SyscallCost c : run.syscalls()) {
            sb.append(Csv.row(
                    c.name(), c.count(), fixed(c.perSecond()), fixed(c.unitNs()), c.unitSource(), fixed(c.estNs())));
        }
        return sb.toString();
    }

    private static String fixed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "";
    }

    // ---- Markdown ----

    private static String markdown(ProfileRun run) {
        StringBuilder sb = new StringBuilder();
        sb.append("**Host:** ").append(Cells.hostLine(run.host())).append("\n\n");
        sb.append("**Profiled:** `").append(what(run)).append("`\n\n");
        sb.append("**Times:** ").append(times(run)).append("\n\n");
        sb.append(counting(run))
                .append(run.countingNote() == null ? "" : " " + run.countingNote() + ".")
                .append("\n\n");
        sb.append(tax(run)).append("\n\n");
        MarkdownTable t = new MarkdownTable(
                List.of("syscall", "count", "calls/s", "unit ns", "unit from", "est. time"),
                List.of("---", "---:", "---:", "---:", "---", "---:"));
        for (SyscallCost c : run.syscalls()) {
            t.row(
                    c.name(),
                    Numbers.count(c.count()),
                    perSecond(c.perSecond()),
                    unit(c.unitNs()),
                    c.unitSource(),
                    time(c.estNs()));
        }
        sb.append(t);
        if (!run.advice().isEmpty()) {
            sb.append('\n');
            for (Advice a : run.advice()) {
                sb.append("- ")
                        .append(adviceLine(a).replace(a.command(), "`" + a.command() + "`"))
                        .append('\n');
            }
        }
        sb.append('\n').append(legend()).append('\n');
        return sb.toString();
    }

    // ---- numbers ----

    private static String unit(double ns) {
        return Double.isFinite(ns) ? Numbers.ns(ns) : "-";
    }

    private static String perSecond(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : "-";
    }

    private static String cpu(long ns) {
        return ns < 0 ? "unknown" : time(ns);
    }

    /** A duration in ns as people read it: 850 ns, 12.3 µs, 4.56 ms, 1.23 s. */
    static String time(double ns) {
        if (!Double.isFinite(ns)) {
            return "-";
        }
        double a = Math.abs(ns);
        if (a < 1e3) {
            return String.format(Locale.ROOT, "%.0f ns", ns);
        }
        if (a < 1e6) {
            return String.format(Locale.ROOT, "%.1f µs", ns / 1e3);
        }
        if (a < 1e9) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    }
}
