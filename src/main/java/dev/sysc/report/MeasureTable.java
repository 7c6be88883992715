package dev.sysc.report;

import dev.sysc.bench.ErrnoText;
import dev.sysc.bench.CallResult;
import dev.sysc.bench.MeasureRun;
import dev.sysc.host.HostInfo;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;

/** The human-readable table of a measurement, with notes that say what the numbers mean. */
public final class MeasureTable {
    private MeasureTable() {
    }

    public static String render(MeasureRun run) {
        return render(run, Style.NONE);
    }

    public static String render(MeasureRun run, Style style) {
        return render(run, style, TextWidth.DEFAULT);
    }

    /** The table fitted to {@code width} columns: notes and legend wrap, raw and baseline go first if need be. */
    public static String render(MeasureRun run, Style style, int width) {
        StringBuilder sb = new StringBuilder();
        sb.append(hostLine(run.host(), width)).append('\n');
        TextTable t = new TextTable(
                List.of("call", "path", "kernel", "net median", "p05–p95", "raw", "baseline"),
                false, false, false, true, true, true, true)
                .color(2, style::kernelColor, style)
                .color(3, style::emphasis, style)
                .optional(6, 5);
        for (CallResult r : run.results()) {
            t.add(row(r));
        }
        sb.append(t.render(width)).append('\n');
        int names = run.results().stream().mapToInt(r -> r.name().length()).max().orElse(0);
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
                sb.append(notes.get(i).startsWith("noisy") ? dimLines(note, style) : note);
            }
        }
        sb.append('\n').append(dimLines(TextWidth.paragraphs(legend(run), width), style));
        return sb.toString();
    }

    /** Each line dimmed on its own, so that a wrapped paragraph stays dim on every line. */
    static String dimLines(String text, Style style) {
        if (!style.enabled()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            sb.append(line.isEmpty() ? "" : style.dim(line)).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }

    private static List<String> row(CallResult r) {
        List<String> cells = new ArrayList<>();
        cells.add(r.name());
        cells.add(r.path());
        cells.add(kernel(r));
        if (!r.ok()) {
            cells.add("refused");
            cells.add(r.errno() != 0 ? ErrnoText.name(r.errno()) : "failed");
            cells.add("");
            cells.add("");
            return cells;
        }
        cells.add(netCell(r));
        cells.add(spread(r));
        cells.add(Numbers.ns(r.raw().median()));
        cells.add(r.baseline() == null ? "—" : Numbers.ns(r.baseline().median()));
        return cells;
    }

    /** What one call costs here, in a cell: its net median, or why there is none. */
    static String cost(CallResult r) {
        if (!r.ok()) {
            return r.errno() != 0 ? "refused (" + ErrnoText.name(r.errno()) + ")" : "failed";
        }
        return netCell(r);
    }

    /** The net median, or "< 0.5 ns" when it cannot be told from zero: never a negative number. */
    static String netCell(CallResult r) {
        return r.belowResolution() ? "< " + Numbers.ns(dev.sysc.bench.Defaults.RESOLUTION_NS) + " ns"
                : Numbers.ns(r.net().median()) + " ns";
    }

    /** The p05–p95 range of net, each end floored at the resolution: a net figure is never shown negative. */
    static String spread(CallResult r) {
        return atResolution(r.net().p05()) + "–" + atResolution(r.net().p95());
    }

    private static String atResolution(double ns) {
        return ns < dev.sysc.bench.Defaults.RESOLUTION_NS ? "<" + Numbers.ns(dev.sysc.bench.Defaults.RESOLUTION_NS)
                : Numbers.ns(ns);
    }

    static String kernel(CallResult r) {
        if (r.crossesKernel()) {
            return r.crossings() > 1 ? "crosses ×" + r.crossings() : "crosses";
        }
        return r.name().equals("ffi-noop") ? "never" : "vDSO";
    }

    /** The host line wrapped to {@code width}, continued under a two-space indent; ends in a newline. */
    static String hostLine(HostInfo h, int width) {
        return TextWidth.indent(hostLine(h), width, "", "  ");
    }

    /** The one-line description of a host that every report starts with. */
    public static String hostLine(HostInfo h) {
        String vdso = h.vdsoClockUsable() ? "the vDSO can read it" : "the vDSO cannot read it";
        return String.format(Locale.ROOT, "%s — Linux %s %s, %s, %d CPUs, clocksource %s (%s)",
                h.hostname(), h.kernel(), h.arch(), h.cpuModel(), h.cpus(), h.clocksource(), vdso);
    }

    private static String range(IntSummaryStatistics s) {
        return s.getMin() == s.getMax() ? Numbers.count(s.getMin())
                : Numbers.count(s.getMin()) + "–" + Numbers.count(s.getMax());
    }

    /** What timed the calls and what net means for that loop; the bridge's own cost when it was measured. */
    static String loopLegend(MeasureRun run) {
        StringBuilder sb = new StringBuilder();
        boolean anyJava = run.results().stream().anyMatch(r -> "java".equals(r.loop()));
        boolean anyNative = run.results().stream().anyMatch(r -> "native".equals(r.loop()));
        if (anyNative) {
            sb.append("Times are ns per call, timed in a native loop: machine code generated here that makes "
                    + "the calls the way a C program does (loop: native). ");
            sb.append(run.spec().baseline()
                    ? "net = raw − baseline, where the baseline "
                    + "is the same loop with no call in it: net is what the call itself costs.\n"
                    : "No baseline was subtracted (--no-baseline): "
                    + "net = raw, the loop's own increment and branch included.\n");
            if (run.bridge() != null) {
                sb.append("A Java caller pays ").append(Numbers.ns(run.bridge().median()))
                        .append(" ns more per call: the Java-to-C bridge (ffi-noop through jnr; --loop java).\n");
            }
        }
        if (anyJava) {
            if (anyNative) {
                sb.append("Rows measured by the Java loop say so in their notes.\n");
            } else if (run.spec().loop() == dev.sysc.probe.LoopKind.NATIVE) {
                sb.append("Times are ns per call, timed in the Java loop (loop: java): the kernel refused to run "
                        + "generated code, so each call crossed the Java-to-C bridge. ");
            } else {
                sb.append("Times are ns per call, timed in the Java loop (loop: java): each call crosses the "
                        + "Java-to-C bridge. ");
            }
            if (!anyNative) {
                sb.append(run.spec().baseline()
                        ? "net = raw − baseline, where the baseline (ffi-noop) is a native call "
                        + "that does nothing, timed between samples: net is what the call itself costs.\n"
                        : "No baseline was subtracted (--no-baseline): net = raw, FFI cost included.\n");
            }
        }
        if (!anyJava && !anyNative) {
            sb.append("Times are ns per call.\n");
        }
        if (run.spec().seccomp() > 0) {
            sb.append("Measured on a thread of its own under an allow-all seccomp filter of ").append(run.spec().seccomp())
                    .append(run.spec().seccomp() == 1 ? " instruction" : " instructions").append(" (--seccomp);\nsysc explain indirect-costs shows what a filter adds.\n");
        }
        return sb.toString();
    }

    static String legend(MeasureRun run) {
        StringBuilder sb = new StringBuilder();
        IntSummaryStatistics samples = run.results().stream().filter(CallResult::ok)
                .mapToInt(CallResult::samples).summaryStatistics();
        IntSummaryStatistics batch = run.results().stream().filter(CallResult::ok)
                .mapToInt(CallResult::callsPerSample).summaryStatistics();
        sb.append(loopLegend(run));
        if (run.spec().samples() > 0 && samples.getCount() > 0 && samples.getMin() < run.spec().samples()) {
            sb.append(String.format(Locale.ROOT, "Only %s of the %s samples asked for fit in the %d s limit.%n",
                    Numbers.count(samples.getMin()), Numbers.count(run.spec().samples()),
                    dev.sysc.bench.Defaults.MAX_TIME.toSeconds()));
        }
        if (samples.getCount() > 0) {
            sb.append(String.format(Locale.ROOT,
                    "p05–p95 is the spread of net across %s samples per call, each timing a batch of %s calls.%n",
                    range(samples), range(batch)));
        }
        return sb.toString();
    }
}
