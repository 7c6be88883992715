package dev.sysc.report;

import dev.sysc.bench.IndirectCostResults;
import dev.sysc.bench.IndirectCosts;
import dev.sysc.bench.PollutionResult;
import dev.sysc.bench.ReturnStackResult;
import dev.sysc.bench.SeccompResult;
import dev.sysc.explain.TlbOnCrossing;
import dev.sysc.host.HostInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live experiments of {@code sysc explain indirect-costs}: per experiment a table, a bar chart and
 * the conclusion its numbers support, as text or Markdown. The {@code experiments} block of
 * {@code sysc/explain/v1} is {@link IndirectCostsJson}, the CSV rows {@link IndirectCostsCsv}.
 */
final class IndirectCostsReport {
    /** The frame count the return-stack conclusion prices: a read() under a modest call stack. */
    static final int TYPICAL_FRAMES = 10;

    static final int BAR_WIDTH = 40;

    private IndirectCostsReport() {}

    // ---- text and Markdown ----

    /** Paragraphs of the text page are wrapped at this width; Markdown leaves wrapping to its viewer. */
    static String page(IndirectCostResults r, HostInfo host, boolean md, int width) {
        StringBuilder sb = new StringBuilder();
        heading(sb, md, width, 2, "Measured here: beyond the crossing");
        para(
                sb,
                md,
                width,
                "Short live experiments on this machine, each a generated native loop sampled against the empty "
                        + "loop (medians, ns). Run one alone with --experiment return-stack, pollution or seccomp.");
        if (r.returnStack() != null) {
            returnStack(sb, r.returnStack(), md, width);
        }
        if (r.pollution() != null) {
            pollution(sb, r.pollution(), host, md, width);
        }
        if (r.seccomp() != null) {
            seccomp(sb, r.seccomp(), host, md, width);
        }
        for (String f : r.failures()) {
            para(sb, md, width, "Not measured: " + f + ".");
        }
        return sb.toString();
    }

    private static void returnStack(StringBuilder sb, ReturnStackResult r, boolean md, int width) {
        heading(sb, md, width, 3, "Return predictions: the crossing under nested frames");
        para(
                sb,
                md,
                width,
                "getpid by the syscall instruction at the bottom of a chain of nested functions (each calls the "
                        + "next), against the same chain with nothing at its bottom.");
        List<List<String>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (ReturnStackResult.Point p : r.points()) {
            rows.add(List.of(
                    String.valueOf(p.frames()), ns(p.withCrossingNs()), ns(p.withoutCrossingNs()), ns(p.crossingNs())));
            labels.add(p.frames() + (p.frames() == 1 ? " frame" : " frames"));
            values.add(p.crossingNs());
        }
        table(sb, md, width, List.of("frames", "with getpid, ns", "frames alone, ns", "the crossing, ns"), rows);
        chart(sb, md, width, "the crossing, ns, by frames returning after it", labels, values);
        double crossing = r.crossingAtZeroNs();
        para(
                sb,
                md,
                width,
                f(
                        "Each frame that returns after the crossing adds %.1f ns to it (least squares over %d–%d frames, "
                                + "r² %.2f), while a frame without a crossing costs %.1f ns: a call and a return the CPU "
                                + "predicted. The CPU predicts returns from a small stack of return addresses; the kernel's "
                                + "own calls, and the return-stack filling some mitigations do on entry, leave it wrong "
                                + "after the crossing, so every return up the chain mispredicts once. A program whose read() "
                                + "sits under %d frames pays about %.0f ns more per call than a loop with the crossing at "
                                + "its top (%.0f ns here): %.0f %% more.",
                        r.perFramePenaltyNs(),
                        r.points().get(0).frames(),
                        r.points().get(r.points().size() - 1).frames(),
                        r.r2(),
                        r.perFrameNoCrossingNs(),
                        TYPICAL_FRAMES,
                        r.extraUnder(TYPICAL_FRAMES),
                        crossing,
                        crossing > 0 ? 100 * r.extraUnder(TYPICAL_FRAMES) / crossing : Double.NaN));
    }

    private static void pollution(StringBuilder sb, PollutionResult r, HostInfo host, boolean md, int width) {
        heading(sb, md, width, 3, "Cache and TLB pollution: a working set after a crossing");
        para(
                sb,
                md,
                width,
                "One pass over a working set alone, and right after a crossing (getpid; for sets up to "
                        + IndirectCosts.bytesLabel(IndirectCosts.ALL_CROSSINGS_UP_TO) + " also a read of 4 KiB from "
                        + "/dev/zero, whose copy writes 64 lines of its own, and open_close); the extra is (crossing + pass) "
                        + "− crossing − pass. Sequential touches each line in address order; dependent chases pointers "
                        + "through the lines in random order, so every miss is paid in full. A set larger than "
                        + IndirectCosts.LINES_PER_PASS
                        + " lines is walked a part per pass, each going on where the last "
                        + "stopped.");
        List<List<String>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (PollutionResult.Point p : r.points()) {
            rows.add(List.of(
                    IndirectCosts.bytesLabel(p.workingSetBytes()),
                    p.walk(),
                    p.crossing(),
                    String.valueOf(p.linesPerPass()),
                    ns(p.aloneNs()),
                    ns(p.afterNs() - p.crossingNs()),
                    ns(p.extraNs()),
                    f("%.2f", p.extraPerLineNs()),
                    f("%+.0f %%", 100 * p.extraShare())));
            labels.add(IndirectCosts.bytesLabel(p.workingSetBytes()) + " " + p.walk() + ", " + p.crossing());
            values.add(100 * p.extraShare());
        }
        table(
                sb,
                md,
                width,
                List.of(
                        "working set",
                        "walk",
                        "after",
                        "lines a pass",
                        "pass alone, ns",
                        "pass after it, ns",
                        "extra, ns",
                        "extra per line",
                        "extra"),
                rows);
        chart(sb, md, width, "extra after the crossing, % of the pass alone", labels, values);
        para(
                sb,
                md,
                width,
                pollutionConclusion(r) + " " + TlbOnCrossing.flushes(host).reason() + ".");
    }

    /** Sets up to this size fit in the L1 data cache of current x86-64 cores (32-48 KiB). */
    static final long L1_SIZED = 32 << 10;

    /** What the numbers say: how much L1-sized sets lose, and why that is not a flush. */
    static String pollutionConclusion(PollutionResult r) {
        List<PollutionResult.Point> small =
                r.points().stream().filter(p -> p.workingSetBytes() <= L1_SIZED).toList();
        PollutionResult.Point slowestLine = null;
        double worstPerLine = -Double.MAX_VALUE;
        for (PollutionResult.Point p : r.points()) {
            if (p.walk().equals("dependent")
                    && (slowestLine == null
                            || p.aloneNs() / p.linesPerPass() > slowestLine.aloneNs() / slowestLine.linesPerPass())) {
                slowestLine = p;
            }
            worstPerLine = Math.max(worstPerLine, p.extraPerLineNs());
        }
        if (small.isEmpty() || slowestLine == null) {
            return "";
        }
        PollutionResult.Point worst = small.stream()
                .max(java.util.Comparator.comparingDouble(PollutionResult.Point::extraNs))
                .orElseThrow();
        double missNs = slowestLine.aloneNs() / slowestLine.linesPerPass();
        return f(
                "Sets that fit in L1 (up to %s) lose at most %.0f ns a pass (%+.0f %%, the %s %s walk after "
                        + "%s; a negative extra means the pass gained from the pause, as prefetching went on during the "
                        + "crossing, or noise): "
                        + "the kernel's code and data took a few of their lines, and for a short pass part of it is "
                        + "the pipeline, which the crossing drains, so the pass cannot overlap the work before it. "
                        + "The caches are not flushed: a flush would make every line miss, at up to %.0f ns a line "
                        + "here (the dependent walk over %s), and the worst loss measured is %.2f ns a line; beyond "
                        + "L2 the difference is lost in the noise of the walk itself.",
                IndirectCosts.bytesLabel(L1_SIZED),
                worst.extraNs(),
                100 * worst.extraShare(),
                IndirectCosts.bytesLabel(worst.workingSetBytes()),
                worst.walk(),
                worst.crossing(),
                missNs,
                IndirectCosts.bytesLabel(slowestLine.workingSetBytes()),
                worstPerLine);
    }

    private static void seccomp(StringBuilder sb, SeccompResult r, HostInfo host, boolean md, int width) {
        heading(sb, md, width, 3, "seccomp: getpid under a filter");
        para(
                sb,
                md,
                width,
                "getpid on a thread of its own under an allow-all classic BPF filter: an allow-list of rules "
                        + "that decide on the system call number, or the same length loading an argument. The filters "
                        + "went with their threads: " + r.filteredAfter()
                        + " threads of this process have a filter now.");
        List<List<String>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (SeccompResult.Point p : r.points()) {
            String filter = p.instructions() == 0
                    ? "none"
                    : p.inspectsArgument() ? "loads an argument" : "decides on the number";
            rows.add(List.of(
                    filter,
                    String.valueOf(p.instructions()),
                    p.instructions() == 0 ? "—" : p.cacheable() ? "can answer" : "cannot",
                    ns(p.netNs()),
                    p.instructions() == 0 ? "—" : f("%+.1f", r.addedNs(p))));
            labels.add(p.instructions() == 0 ? "no filter" : p.instructions() + (p.inspectsArgument() ? " arg" : ""));
            values.add(p.netNs());
        }
        table(sb, md, width, List.of("filter", "instructions", "action cache", "getpid, ns", "added, ns"), rows);
        chart(sb, md, width, "getpid ns under each filter", labels, values);
        para(sb, md, width, seccompConclusion(r, host));
    }

    static String seccompConclusion(SeccompResult r, HostInfo host) {
        List<SeccompResult.Point> cached =
                r.points().stream().filter(SeccompResult.Point::cacheable).toList();
        List<SeccompResult.Point> uncached =
                r.points().stream().filter(p -> p.inspectsArgument()).toList();
        StringBuilder s = new StringBuilder();
        if (!cached.isEmpty()) {
            SeccompResult.Point first = cached.get(0);
            SeccompResult.Point last = cached.get(cached.size() - 1);
            s.append(f(
                    "Filters that decide on the number alone add %.0f ns at %d instruction%s and %.0f ns at %d: "
                            + "since Linux 5.11 the kernel runs such a filter once per system call number when it is "
                            + "installed, and keeps the calls it always allows in a bitmap, so what remains is the "
                            + "slower entry path a filtered thread takes, not the program.",
                    r.addedNs(first),
                    first.instructions(),
                    first.instructions() == 1 ? "" : "s",
                    r.addedNs(last),
                    last.instructions()));
        }
        if (uncached.size() >= 2) {
            SeccompResult.Point a = uncached.get(0);
            SeccompResult.Point b = uncached.get(uncached.size() - 1);
            double perInstruction = (b.netNs() - a.netNs()) / (b.instructions() - a.instructions());
            s.append(f(
                    " A filter that loads an argument cannot be cached and runs on every call: %.0f ns added at %d "
                            + "instructions, %.0f ns at %d, about %.2f ns an instruction.",
                    r.addedNs(a), a.instructions(), r.addedNs(b), b.instructions(), perInstruction));
        }
        if (!before511(host.kernel())) {
            s.append(" Container runtimes install a default profile of about 300 rules; on this kernel the calls it "
                    + "allows by number alone cost what the cached rows show.");
        } else {
            s.append(" This kernel (" + host.kernel() + ") predates the cache: every filter runs on every call.");
        }
        return s.toString().trim();
    }

    /** Whether a kernel release string names a version before 5.11; false when it cannot be read. */
    static boolean before511(String kernel) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(kernel == null ? "" : kernel);
        if (!m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major < 5 || major == 5 && minor < 11;
    }

    /** Horizontal bars, scaled to the largest value; negative values (noise) draw no bar. */
    static String bars(List<String> labels, List<Double> values) {
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        int width = labels.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            double v = values.get(i);
            int n = max > 0 && v > 0 ? (int) Math.round(BAR_WIDTH * v / max) : 0;
            sb.append(String.format(Locale.ROOT, "%-" + width + "s |%s %s%n", labels.get(i), "#".repeat(n), ns(v)));
        }
        return sb.toString();
    }

    private static void chart(
            StringBuilder sb, boolean md, int width, String title, List<String> labels, List<Double> values) {
        if (md) {
            sb.append(title).append(":\n\n```\n").append(bars(labels, values)).append("```\n\n");
        } else {
            sb.append(title).append(":\n").append(bars(labels, values)).append('\n');
        }
    }

    private static void heading(StringBuilder sb, boolean md, int width, int level, String text) {
        if (md) {
            sb.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        } else {
            sb.append(text)
                    .append('\n')
                    .append((level <= 2 ? "-" : "~").repeat(Math.min(78, text.length())))
                    .append("\n\n");
        }
    }

    private static void para(StringBuilder sb, boolean md, int width, String text) {
        sb.append(md ? text : TextWidth.paragraphs(text, width).stripTrailing()).append("\n\n");
    }

    private static void table(StringBuilder sb, boolean md, int width, List<String> headers, List<List<String>> rows) {
        if (md) {
            MarkdownTable t = MarkdownTable.left(headers.toArray(String[]::new));
            rows.forEach(t::row);
            sb.append(t).append('\n');
            return;
        }
        boolean[] right = new boolean[headers.size()];
        java.util.Arrays.fill(right, true);
        right[0] = false;
        TextTable t = new TextTable(headers, right);
        rows.forEach(t::add);
        sb.append(t.render()).append('\n');
    }

    private static String ns(double v) {
        return Numbers.oneDecimal(v);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
