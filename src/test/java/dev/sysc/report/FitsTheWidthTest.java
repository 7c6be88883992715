package dev.sysc.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.batch.BatchRun;
import dev.sysc.batch.RingFactory;
import dev.sysc.batch.Workload;
import dev.sysc.batch.WorkloadInfo;
import dev.sysc.batch.WorkloadResult;
import dev.sysc.batch.Workloads;
import dev.sysc.bench.CallResult;
import dev.sysc.bench.CompareRun;
import dev.sysc.bench.MeasureRun;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.compare.RunComparison;
import dev.sysc.compare.RunDiff;
import dev.sysc.compare.SavedResult;
import dev.sysc.compare.SavedRun;
import dev.sysc.explain.AnnotatedStep;
import dev.sysc.explain.CallInfo;
import dev.sysc.explain.Explainer;
import dev.sysc.explain.Explanation;
import dev.sysc.explain.Hint;
import dev.sysc.explain.VulnerabilityRow;
import dev.sysc.host.HostInfo;
import dev.sysc.os.HostReader;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.CatalogEntry;
import dev.sysc.stats.Summary;
import dev.sysc.tour.TourScript;
import dev.sysc.tour.TourStep;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command's text output at 80 and 120 columns, from fixed results: no line is longer than the
 * width, and no word of the prose that went in comes out cut in two. Over 350 lines because it builds
 * a fixed result for every command and format it checks.
 */
class FitsTheWidthTest {
    /** Long enough to need folding: a long host line, long names, failures and long notes. */
    private static final HostInfo HOST = new HostInfo(
            "build-server-with-a-long-name",
            "6.18.44-generic-preempt",
            "x86_64",
            "AMD EPYC 7B13 64-Core Processor",
            64,
            "kvm-clock",
            true,
            "mitigations=auto",
            List.of("pcid"),
            Map.of(
                    "spectre_v2",
                    "Mitigation: Retpolines; STIBP: disabled; RSB filling; PBRSB-eIBRS: Not affected; "
                            + "BHI: Not affected",
                    "meltdown",
                    "Not affected"),
            "disabled",
            "on",
            true,
            "none",
            null,
            null);

    private static Summary spread(double v) {
        return new Summary(1000, v, v * 0.9, v * 1.4, v, v * 0.95, v * 1.2, v * 0.1, 0.3, 40, 90);
    }

    private static CallResult ok(String name, String path, boolean crosses, double net, boolean noisy) {
        return new CallResult(
                name,
                path,
                crosses,
                crosses ? 2 : 0,
                0,
                null,
                1000,
                65_536,
                spread(net),
                spread(net + 9.5),
                spread(9.5),
                new double[] {net + 9.5, net + 10},
                noisy,
                "native");
    }

    private static MeasureRun run() {
        return new MeasureRun(
                "9.9",
                Instant.parse("2026-11-27T10:00:00Z"),
                HOST,
                MeasureSpec.defaults(),
                List.of(
                        ok("clock_gettime_cputime", "syscall", true, 1_234_567.5, true),
                        ok("clock_gettime", "vdso", false, 20.5, true),
                        ok("open_close", "libc", true, 2010.4, false),
                        CallResult.failed(
                                "io_uring_nop",
                                "syscall",
                                true,
                                1,
                                1,
                                "io_uring_setup was refused by the "
                                        + "kernel because io_uring_disabled is set to 2 in /proc/sys/kernel")));
    }

    /** Asserts the fit, and that every word of {@code prose} (short enough for a line) comes out whole. */
    private static void assertFits(String text, int width, List<String> prose) {
        assertThat(text).isNotBlank();
        for (String line : text.split("\n")) {
            assertThat(line.length())
                    .as("line longer than %d:%n%s", width, line)
                    .isLessThanOrEqualTo(width);
        }
        Set<String> tokens =
                Arrays.stream(text.split("\\s+")).map(FitsTheWidthTest::bare).collect(Collectors.toSet());
        for (String p : prose) {
            for (String word : p.strip().split("\\s+")) {
                if (word.length() <= width / 2) {
                    assertThat(tokens).as("the word '%s' of: %s", word, p).contains(bare(word));
                }
            }
        }
    }

    /** A word without the punctuation a renderer may put after it (a sentence's full stop, a list's comma). */
    private static String bare(String word) {
        return word.replaceAll("[.,;:)]+$", "");
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void list(int width) {
        List<CatalogEntry> entries = Catalog.builtIn().entries();
        String text = CatalogReport.render(entries, Format.TABLE, width);
        assertFits(text, width, entries.stream().map(CatalogEntry::summary).toList());
        assertThat(text).contains("clock_gettime_cputime").contains("libc,syscall,vdso,raw");
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void measure(int width) {
        MeasureRun run = run();
        String text = MeasureTable.render(run, Style.NONE, width);
        List<String> prose = new ArrayList<>(List.of(MeasureTable.hostLine(HOST), MeasureLegend.legend(run)));
        run.results().forEach(r -> prose.addAll(CallNotes.of(r, HOST, run.spec())));
        assertFits(text, width, prose);
        assertThat(text).contains("1,234,568 ns").contains("refused").contains("noisy:");
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void compare(int width) {
        CompareRun compare = new CompareRun(run(), 1);
        String text = CompareReport.render(compare, Format.TABLE, Style.NONE, width);
        List<String> prose = new ArrayList<>(CompareReport.notes(compare));
        prose.add(MeasureLegend.legend(compare.run()));
        assertFits(text, width, prose);
        // The bars take the room the table leaves, never more than the full bar.
        int longest = text.lines()
                .mapToInt(l -> l.length() - l.replace("█", "").length())
                .max()
                .orElse(0);
        assertThat(longest).isBetween(CompareReport.MIN_BAR, CompareReport.BAR_WIDTH);
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void compareBarsGrowWithTheWidth(int width) {
        CompareRun compare = new CompareRun(
                new MeasureRun(
                        "9.9",
                        Instant.EPOCH,
                        HOST,
                        MeasureSpec.defaults(),
                        List.of(ok("getpid", "libc", true, 100, false), ok("getppid", "libc", true, 50, false))),
                0);
        String text = CompareReport.render(compare, Format.TABLE, Style.NONE, width);
        assertThat(text).contains("█".repeat(width == 80 ? 20 : CompareReport.BAR_WIDTH));
    }

    private static HostInfo recorded(String name) throws URISyntaxException {
        return new HostReader(Path.of(
                        FitsTheWidthTest.class.getResource("/hosts/" + name).toURI()))
                .read();
    }

    private static List<String> explainProse(Explanation e) {
        List<String> prose = new ArrayList<>();
        for (VulnerabilityRow r : e.vulnerabilities()) {
            prose.add(r.status());
            prose.add(ExplainWords.addsHere(r));
        }
        for (AnnotatedStep s : e.steps()) {
            prose.add(s.step().title());
            prose.add(s.step().what());
            prose.add(s.activation().reason());
        }
        for (Hint h : e.next()) {
            prose.add(h.text());
        }
        if (e.topic() != null && e.kind() == Explanation.Kind.TOPIC) {
            prose.add(ExplainWords.plain(e.topic().body()));
        }
        return prose;
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void explain(int width) throws Exception {
        Explainer explainer = Explainer.builtIn();
        CatalogEntry getpid = Catalog.builtIn().find("getpid").orElseThrow();
        for (String host : List.of("intel-pti-xen", "this-amd-epyc", "amd-srso-safe-ret")) {
            HostInfo h = recorded(host);
            List<Explanation> subjects = new ArrayList<>(List.of(
                    explainer.machine(h),
                    explainer.call(
                            new CallInfo("getpid", "libc", CallInfo.Kind.KERNEL, getpid.explainId(), getpid.summary()),
                            h)));
            for (String topic : List.of("mode-switch", "vdso", "mitigations", "batching", "indirect-costs", "bpf")) {
                subjects.add(explainer.topic(topic, h));
            }
            for (Explanation e : subjects) {
                // The batching topic's live run: its table names each way of writing in a sentence.
                // The bpf topic's: the filter workload, with the receiver's rows and its share.
                WorkloadResult batching = switch (e.subjectId()) {
                    case "batching" ->
                        HandMadeBatch.result(Workloads.all(RingFactory.KERNEL).get(0), new int[] {1, 16, 64}, 170);
                    case "bpf" ->
                        HandMadeBatch.result(
                                Workloads.find("filter", RingFactory.KERNEL).orElseThrow(),
                                new int[] {1, 10, 100},
                                2500);
                    default -> null;
                };
                ExplainRun run = new ExplainRun(
                        "9.9",
                        Instant.EPOCH,
                        "recorded.json",
                        e,
                        List.of(ok("getpid", "libc", true, 100, false)),
                        "A note about what was measured, long "
                                + "enough that it has to wrap on any terminal narrower than a hundred and twenty columns.",
                        List.of(),
                        null,
                        batching,
                        null);
                String text = ExplainReport.render(run, Format.TABLE, Style.NONE, width);
                assertFits(text, width, explainProse(e));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void batch(int width) {
        int[] counts = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};
        int[] bytes = new int[21];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = 1 << i;
        }
        List<WorkloadResult> results = new ArrayList<>();
        for (Workload w : Workloads.all(RingFactory.KERNEL)) {
            results.add(HandMadeBatch.result(w, w.info().kind() == WorkloadInfo.Kind.BUFFER ? bytes : counts, 170));
        }
        results.add(WorkloadResult.unavailable(
                Workloads.all(RingFactory.KERNEL).get(2).info(),
                "io_uring_setup failed with EPERM: io_uring is disabled for unprivileged processes on this machine "
                        + "(sysctl kernel.io_uring_disabled = 2)",
                false));
        BatchRun run = new BatchRun("9.9", Instant.EPOCH, HOST, MeasureSpec.defaults(), results);
        String text = BatchReport.render(run, Format.TABLE, Style.NONE, width);
        List<String> prose = new ArrayList<>();
        for (WorkloadResult w : results) {
            prose.add(w.info().title());
            if (w.available()) {
                prose.addAll(BatchWords.sentences(w));
            }
            if (w.info().note() != null) {
                prose.add(w.info().note());
            }
        }
        assertFits(text, width, prose);
        assertThat(text).contains("1M").contains("ns per byte (log scale)");
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void tour(int width) {
        List<TourStep> steps = TourScript.builtIn();
        Map<String, Double> ns = new HashMap<>();
        for (String key : List.of(
                "ffi-noop",
                "enosys",
                "getpid",
                "clock_gettime",
                "clock_gettime@syscall",
                "io_uring@1",
                "io_uring@64",
                "syscall-loop@64")) {
            ns.put(key, 123.4);
        }
        Map<String, String> words = Map.of(
                "mitigations",
                "2 run on every crossing: spectre_v1 (Mitigation: "
                        + "usercopy/swapgs barriers and __user pointer sanitization); spectre_v2 (Mitigation: Retpolines)");
        for (int i = 0; i < steps.size(); i++) {
            TourStep step = steps.get(i);
            List<String> paragraphs =
                    step.text().stream().map(t -> TourScript.fill(t, ns, words)).toList();
            List<CallResult> measured = step.calls().stream()
                    .map(c -> ok(c.contains("@") ? c.substring(0, c.indexOf('@')) : c, "libc", true, 123.4, false))
                    .toList();
            TourReport.Page page = new TourReport.Page(i + 1, steps.size(), step.title(), paragraphs, measured);
            assertFits(TourReport.text(page, Style.NONE, width), width, paragraphs);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void diff(int width) {
        HostInfo other = new HostInfo(
                HOST.hostname(),
                HOST.kernel(),
                "x86_64",
                HOST.cpuModel(),
                64,
                "tsc",
                true,
                "mitigations=off",
                List.of("pcid"),
                Map.of(
                        "spectre_v2",
                        "Vulnerable: Retpolines disabled by the "
                                + "command line, IBRS off; STIBP: disabled; RSB filling off",
                        "meltdown",
                        "Not affected"),
                "disabled",
                "on",
                true,
                "none",
                null,
                null);
        double[] samples = new double[40];
        Arrays.fill(samples, 430);
        SavedRun a = new SavedRun(
                "results/before-the-kernel-upgrade-on-the-build-server.json",
                "2026-11-27T10:00:00.123456789Z",
                HOST,
                List.of(
                        new SavedResult("clock_gettime_cputime", "syscall", true, 0, 420, samples),
                        new SavedResult("read", "libc", true, 0, 700, samples)));
        SavedRun b = new SavedRun(
                "results/after-the-kernel-upgrade-on-the-build-server.json",
                "2026-11-28T10:00:00.123456789Z",
                other,
                List.of(new SavedResult("clock_gettime_cputime", "syscall", true, 0, 420, samples)));
        RunDiff d = RunComparison.diff(a, b);
        String text = DiffReport.render(List.of(d, d), Format.TABLE, Style.NONE, width, "9.9", Instant.EPOCH);
        assertFits(
                text,
                width,
                List.of(
                        MeasureTable.hostLine(HOST),
                        MeasureTable.hostLine(other),
                        other.vulnerabilities().get("spectre_v2"),
                        HOST.vulnerabilities().get("spectre_v2")));
        assertThat(text).contains("Not compared:");
    }
}
