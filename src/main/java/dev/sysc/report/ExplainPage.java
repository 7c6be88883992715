package dev.sysc.report;

import dev.sysc.bench.CallResult;
import dev.sysc.explain.Activation;
import dev.sysc.explain.AnnotatedStep;
import dev.sysc.explain.Explanation;
import dev.sysc.explain.Hint;
import dev.sysc.explain.PublishedCost;
import dev.sysc.explain.SpeculationToggles;
import dev.sysc.explain.VulnerabilityRow;
import dev.sysc.host.HostInfo;
import java.util.ArrayList;
import java.util.List;

/** The text page and Markdown of {@code sysc explain}: one layout, {@code md} switches the markup. */
final class ExplainPage {
    /** Where a step's description starts, under its title, when the screen leaves room for it. */
    private static final String STEP_INDENT = " ".repeat(25);
    /** Where it starts on a narrow screen: under the step's number. */
    private static final String NARROW_STEP_INDENT = " ".repeat(4);

    private final ExplainRun run;
    private final Explanation e;
    final boolean md;
    private final Style style;
    /** The text page's width; Markdown is never wrapped (its reader does that). */
    private final int width;

    private final PageWriter out;
    private final List<PublishedCost> cited = new ArrayList<>();

    ExplainPage(ExplainRun run, boolean md, Style style, int width) {
        this.run = run;
        this.e = run.explanation();
        this.md = md;
        this.style = style;
        this.width = width;
        this.out = new PageWriter(md, width);
    }

    String render() {
        out.heading(1, e.title());
        out.para(hostLine());
        if (e.kind() == Explanation.Kind.CALL) {
            callIntro();
        }
        if (e.topic() != null && e.kind() == Explanation.Kind.TOPIC) {
            out.append(
                            md
                                    ? e.topic().body()
                                    : TextWidth.reflow(
                                            ExplainWords.plain(e.topic().body()), width))
                    .append('\n');
        }
        if (!e.vulnerabilities().isEmpty() || e.kind() == Explanation.Kind.MACHINE) {
            vulnerabilities();
        }
        if (e.kind() == Explanation.Kind.MACHINE || e.subjectId().equals("vdso")) {
            vdso();
        }
        if (!e.steps().isEmpty()) {
            steps();
        }
        if (!e.toggles().isEmpty()) {
            toggles();
        }
        measured();
        published();
        next();
        return out.toString();
    }

    private String hostLine() {
        HostInfo h = e.host();
        String where = run.hostSource().equals("live") ? "this machine" : "the machine recorded in " + run.hostSource();
        // Concatenation, not String.format: the page has no number to localize, and the first Formatter
        // of a run loads the JDK's locale data (6 ms of sysc explain NAME --no-measure's start-up).
        String line = "Host: " + where + ", " + h.hostname() + " — Linux " + h.kernel() + " " + h.arch() + ", "
                + h.cpuModel() + ", " + h.cpus() + " CPUs, clocksource " + h.clocksource() + ", "
                + (Boolean.TRUE.equals(h.virtualized())
                        ? "virtualized"
                        : Boolean.FALSE.equals(h.virtualized()) ? "bare metal" : "virtualization unknown");
        return md ? "**" + line.replaceFirst(": ", ":** ") : line;
    }

    private void callIntro() {
        var c = e.call();
        String how;
        switch (c.kind()) {
            case NEVER:
                how = "This call never enters the kernel: it is the cost of calling C from Java, the floor "
                        + "sysc subtracts from every other call.";
                break;
            case KERNEL:
                how = "Every call crosses into the kernel and back, along the path below.";
                break;
            default:
                if (c.path().equals("syscall")) {
                    how = "Forced through syscall(2): the real crossing, which the vDSO normally avoids.";
                } else if (c.kind() == dev.sysc.explain.CallInfo.Kind.VDSO) {
                    how = "Served by the vDSO in user space; the clocksource does not matter for it.";
                } else if (e.vdsoTime().isActive()) {
                    how = "Served by the vDSO here, in user space, because the clocksource ("
                            + e.host().clocksource() + ") is one the vDSO can read. It would fall back to a "
                            + "real system call with a clocksource it cannot read (hpet, acpi_pm).";
                } else if (Boolean.FALSE.equals(e.vdsoTime().active())) {
                    how = "The vDSO cannot serve it here: the " + e.host().clocksource() + " clocksource "
                            + "cannot be read from user space, so clock_gettime falls back to a real system call "
                            + "and takes the whole kernel path below.";
                } else {
                    how = "Normally served by the vDSO; whether it falls back here is not decided: "
                            + e.vdsoTime().reason() + ".";
                }
        }
        if (e.topic() != null) {
            how += " Background: sysc explain " + e.topic().id() + ".";
        }
        out.para(how);
    }

    private void vulnerabilities() {
        out.heading(2, "CPU vulnerabilities and the system call path");
        if (e.vulnerabilities().isEmpty()) {
            out.para("No files of /sys/devices/system/cpu/vulnerabilities were recorded for this host.");
            return;
        }
        out.para("Every file of /sys/devices/system/cpu/vulnerabilities, its status, and whether its mitigation "
                + "runs on each system call here.");
        List<String> headers = List.of("file", "status", "on the path", "what it adds there", "published");
        List<List<String>> rows = new ArrayList<>();
        for (VulnerabilityRow r : e.vulnerabilities()) {
            List<String> refs = new ArrayList<>();
            for (PublishedCost c : r.costs()) {
                cited.add(c);
                refs.add("[" + cited.size() + "]");
            }
            String adds = ExplainWords.addsHere(r);
            rows.add(List.of(r.file(), r.status(), ExplainWords.yesNo(r.onPath()), adds, String.join(" ", refs)));
        }
        if (md) {
            out.markdownTable(headers, rows);
        } else {
            TextTable t = new TextTable(List.of("file", "status", "on the path", "published"))
                    .color(2, style::activeColor, style)
                    .wrapping(1);
            for (List<String> row : rows) {
                t.add(List.of(row.get(0), row.get(1), row.get(2), row.get(4)));
            }
            out.append(t.render(width)).append('\n');
            out.line("What each adds to the path (and the boot switch that removes it):", "", "");
            int files = e.vulnerabilities().stream()
                            .mapToInt(r -> r.file().length())
                            .max()
                            .orElse(0)
                    + 1;
            // Beside the file name while that leaves room for a sentence; under it when the screen is narrow.
            boolean beside = width - 2 - files >= TextTable.MIN_WRAP * 2;
            for (VulnerabilityRow r : e.vulnerabilities()) {
                String adds = rows.get(e.vulnerabilities().indexOf(r)).get(3);
                String off =
                        r.mitigation() == null ? "" : " [off: " + r.mitigation().bootSwitch() + "]";
                if (beside) {
                    out.line(adds + off, "  " + ExplainWords.pad(r.file(), files), " ".repeat(2 + files));
                } else {
                    out.append("  ").append(r.file()).append('\n');
                    out.line(adds + off, "      ", "      ");
                }
            }
            out.append('\n');
        }
        if (md) {
            out.append("Boot switches: ");
            List<String> sw = new ArrayList<>();
            for (VulnerabilityRow r : e.vulnerabilities()) {
                if (r.mitigation() != null) {
                    sw.add(r.file() + ": `" + r.mitigation().bootSwitch() + "`");
                }
            }
            out.append(String.join("; ", sw)).append(". `mitigations=off` turns them all off.\n\n");
        } else {
            out.para("mitigations=off on the kernel command line turns all of them off at once.");
        }
    }

    private void vdso() {
        out.heading(2, "Time without crossing: the vDSO");
        Activation a = e.vdsoTime();
        String verdict = a.active() == null
                ? "Unknown whether the vDSO serves clock_gettime here"
                : a.isActive()
                        ? "Served by the vDSO here: clock_gettime runs in user space, with no crossing"
                        : "Not served by the vDSO here: clock_gettime falls back to a real system call";
        String mapped = e.host().vdsoMapped() ? " [vdso] is mapped in this process." : "";
        out.para(verdict + " (" + a.reason() + ")." + mapped
                + " The vDSO reads tsc and the Hyper-V TSC page, kvm-clock and xen only when the hypervisor "
                + "reports a stable TSC; with hpet or acpi_pm it makes the real system call.");
    }

    private void steps() {
        out.heading(2, "The path, step by step");
        out.para("Each step is marked active, inactive or n/a (not applicable or not recorded) on this host, "
                + "with what was read to decide it.");
        if (md) {
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (AnnotatedStep s : e.steps()) {
                rows.add(List.of(
                        String.valueOf(n++),
                        s.step().phase(),
                        "**" + s.step().title() + "** — " + s.step().what(),
                        s.activation().label(),
                        s.activation().reason()));
            }
            out.markdownTable(List.of("#", "phase", "step", "here", "why"), rows);
            return;
        }
        int n = 1;
        for (AnnotatedStep s : e.steps()) {
            String mark = s.activation().label();
            String markCell = padRight("[" + mark + "]", 10);
            String color = style.activeColor(mark);
            String head = (n < 10 ? " " : "") + n++ + ". " + markCell + " "
                    + padRight(s.step().phase(), 9) + " ";
            String title = TextWidth.indent(s.step().title(), width, head, " ".repeat(head.length()));
            out.append(
                    color.isEmpty()
                            ? title
                            : title.replaceFirst(
                                    java.util.regex.Pattern.quote(markCell),
                                    java.util.regex.Matcher.quoteReplacement(color + markCell + style.reset())));
            String indent = width - STEP_INDENT.length() >= TextTable.MIN_WRAP * 2 ? STEP_INDENT : NARROW_STEP_INDENT;
            out.line(s.step().what(), indent, indent);
            out.line("here: " + s.activation().reason(), indent, indent + "      ");
        }
        out.append('\n');
    }

    private void toggles() {
        out.heading(2, "Per-process switches (prctl)");
        for (SpeculationToggles.Toggle t : e.toggles()) {
            String can = t.availability().isActive()
                    ? "can be switched by this process"
                    : "cannot be switched by a process here";
            if (md) {
                out.append("- **")
                        .append(ExplainWords.capital(t.feature().label()))
                        .append("**: ")
                        .append(can)
                        .append(" (")
                        .append(t.availability().reason())
                        .append(").\n");
            } else {
                out.line(
                        ExplainWords.capital(t.feature().label()) + ": " + can + " ("
                                + t.availability().reason() + ").",
                        "  ",
                        "    ");
            }
        }
        out.append('\n');
        boolean any = e.toggles().stream().anyMatch(t -> t.availability().isActive());
        String twoBoots = "measure in two boots: `sysc measure enosys getppid -o with.json`, reboot with the "
                + "switch on the kernel command line (e.g. nopti or mitigations=off), "
                + "`sysc measure enosys getppid -o without.json`, then `sysc compare with.json without.json`.";
        String text = any
                ? "The switchable ones act at context switches (STIBP with SMT, IBPB when the address "
                        + "space changes) and on the thread's own loads (SSBD), not on entry or exit, so they cannot move "
                        + "the system call floor; `sysc explain mitigations --measure` times the floor with each off and "
                        + "on as a check. The others are chosen at boot; to see what one costs, " + twoBoots
                : "Here every mitigation is chosen at boot: a running process cannot switch one off to see what "
                        + "it costs. Instead, " + twoBoots;
        out.para(md ? text : ExplainWords.plain(text));
        for (dev.sysc.bench.ToggleMeasurement m : run.toggles()) {
            out.heading(3, "Measured here: " + m.feature().label() + " mitigation off and on");
            out.para("State before: " + m.initialState() + ". " + m.note());
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < m.without().size(); i++) {
                CallResult off = m.without().get(i);
                CallResult on = i < m.with().size() ? m.with().get(i) : null;
                rows.add(List.of(off.id(), Cells.cost(off), on == null ? "—" : Cells.cost(on)));
            }
            out.table(List.of("call", "mitigation off (measured)", "mitigation on (measured)"), rows);
        }
    }

    private void measured() {
        ExplainBatching.write(out, run.batching());
        if (run.experiments() != null) {
            out.append(IndirectCostsReport.page(run.experiments(), e.host(), md, width));
        }
        if (run.measured().isEmpty() && run.measureNote() == null) {
            return;
        }
        out.heading(2, "Measured here");
        if (run.measured().isEmpty()) {
            out.para(run.measureNote());
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (CallResult r : run.measured()) {
            rows.add(List.of(r.name(), r.path(), Cells.kernel(r), Cells.cost(r)));
        }
        out.table(List.of("call", "path", "kernel", "measured, ns per call"), rows);
        out.para("Measured: median of a short live run on this machine, net of the FFI floor (ffi-noop) except "
                + "for ffi-noop itself. Use sysc measure for careful numbers."
                + (run.measureNote() == null ? "" : " " + run.measureNote()));
    }

    private void published() {
        if (cited.isEmpty()) {
            return;
        }
        out.heading(2, "Published costs");
        out.para("Measured and published by others, on other machines and kernels: a sense of scale, not this "
                + "machine's numbers.");
        int n = 1;
        for (PublishedCost c : cited) {
            String mark = md ? n + ". " : "  [" + n + "] ";
            out.line(
                    c.file() + ": " + c.figure() + " (published: " + (md ? "<" + c.source() + ">" : c.source()) + ")",
                    mark,
                    " ".repeat(mark.length()));
            n++;
        }
        out.append('\n');
    }

    private void next() {
        if (e.next().isEmpty()) {
            return;
        }
        out.heading(2, "What to try next");
        for (Hint h : e.next()) {
            out.line(h.text(), md ? "- " : "  - ", "    ");
        }
    }

    /** {@code text} and spaces up to {@code width} characters (as %-Ns would, without a Formatter). */
    private static String padRight(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
