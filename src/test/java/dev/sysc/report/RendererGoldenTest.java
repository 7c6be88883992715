package dev.sysc.report;

import dev.sysc.batch.BatchRun;
import dev.sysc.batch.RingFactory;
import dev.sysc.batch.Workload;
import dev.sysc.batch.WorkloadInfo;
import dev.sysc.batch.WorkloadResult;
import dev.sysc.batch.Workloads;
import dev.sysc.bench.CallResult;
import dev.sysc.bench.MeasureRun;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.explain.Activation;
import dev.sysc.explain.AnnotatedStep;
import dev.sysc.explain.CallInfo;
import dev.sysc.explain.Explanation;
import dev.sysc.explain.Hint;
import dev.sysc.explain.Mitigation;
import dev.sysc.explain.PublishedCost;
import dev.sysc.explain.Step;
import dev.sysc.explain.VulnerabilityRow;
import dev.sysc.host.HostInfo;
import dev.sysc.profile.Advice;
import dev.sysc.profile.CountingMethod;
import dev.sysc.profile.ProfileRun;
import dev.sysc.profile.SyscallCost;
import dev.sysc.stats.Summary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every format (result/v1, batch/v1, explain/v1, profile/v1 JSON, their CSV, text and Markdown) of hand-made runs with fixed
 * timestamps, compared byte for byte with golden files, under Locale.ROOT and a comma-decimal locale. Regenerate
 * after an intended change with {@code mvn test -Dtest=RendererGoldenTest -Dgolden.update=true}.
 */
class RendererGoldenTest {
    private static final Instant WHEN = Instant.parse("2026-11-27T10:00:00Z");
    private static final HostInfo HOST = TestHosts.BOX;

    private static Summary spread(double median) {
        return new Summary(
                100,
                median,
                median + 0.37,
                median - 1.25,
                median + 9.5,
                median - 0.75,
                median + 2.125,
                0.8125,
                0.0123,
                1,
                2);
    }

    // ---- result/v1 ----

    private static MeasureRun measureRun() {
        return new MeasureRun(
                "0.1.0-test",
                WHEN,
                HOST,
                MeasureSpec.defaults(),
                List.of(
                        new CallResult(
                                "getpid",
                                "libc",
                                true,
                                1,
                                0,
                                null,
                                100,
                                250,
                                spread(92.375),
                                spread(104.5),
                                spread(12.125),
                                new double[] {104.25, 105.5},
                                false,
                                "native"),
                        new CallResult(
                                "clock_gettime",
                                "libc",
                                false,
                                0,
                                0,
                                null,
                                100,
                                250,
                                spread(0.2),
                                spread(19.75),
                                spread(19.55),
                                new double[] {19.75},
                                true,
                                "native"),
                        CallResult.failed("io_uring_nop", "syscall", true, 1, 1, "io_uring_setup was refused")));
    }

    @Test
    void resultJson() throws Exception {
        Golden.assertGoldenInEveryLocale("result.json", () -> MeasureReport.render(measureRun(), Format.JSON));
    }

    @Test
    void resultCsv() throws Exception {
        Golden.assertGoldenInEveryLocale("result.csv", () -> MeasureReport.render(measureRun(), Format.CSV));
    }

    @Test
    void resultTextAndMarkdown() throws Exception {
        Golden.assertGoldenInEveryLocale(
                "result.txt", () -> MeasureReport.render(measureRun(), Format.TABLE, Style.NONE, 100));
        Golden.assertGoldenInEveryLocale("result.md", () -> MeasureReport.render(measureRun(), Format.MARKDOWN));
    }

    // ---- batch/v1 ----

    private static BatchRun batchRun() {
        List<WorkloadResult> results = new ArrayList<>();
        for (Workload w : Workloads.all(RingFactory.KERNEL)) {
            if (w.info().name().equals("io_uring")) {
                results.add(WorkloadResult.unavailable(w.info(), "io_uring_setup failed with EPERM", false));
            } else {
                results.add(HandMadeBatch.result(
                        w,
                        w.info().kind() == WorkloadInfo.Kind.BUFFER
                                ? new int[] {1, 4096, 65536}
                                : new int[] {1, 4, 16, 64},
                        170.25));
            }
        }
        return new BatchRun("0.1.0-test", WHEN, HOST, MeasureSpec.defaults(), results);
    }

    @Test
    void batchJson() throws Exception {
        Golden.assertGoldenInEveryLocale("batch.json", () -> BatchReport.render(batchRun(), Format.JSON));
    }

    @Test
    void batchCsv() throws Exception {
        Golden.assertGoldenInEveryLocale("batch.csv", () -> BatchReport.render(batchRun(), Format.CSV));
    }

    @Test
    void batchTextAndMarkdown() throws Exception {
        Golden.assertGoldenInEveryLocale(
                "batch.txt", () -> BatchReport.render(batchRun(), Format.TABLE, Style.NONE, 100));
        Golden.assertGoldenInEveryLocale("batch.md", () -> BatchReport.render(batchRun(), Format.MARKDOWN));
    }

    // ---- explain/v1 ----

    private static ExplainRun explainRun() {
        Step entry = new Step(
                "entry",
                "kernel",
                "entry",
                "always",
                List.of(),
                "all",
                "Enter the kernel",
                "The CPU switches to kernel mode, stack and page tables.",
                "arch/x86/entry/entry_64.S");
        Step pti = new Step(
                "pti_switch",
                "kernel",
                "entry",
                "pti",
                List.of("meltdown"),
                "all",
                "Switch page tables (PTI)",
                "CR3 is written, twice per call.",
                "arch/x86/entry/calling.h");
        Mitigation meltdown = new Mitigation(
                "meltdown",
                "PTI",
                "pti",
                "Two CR3 writes per call, \"PTI\".",
                "nopti",
                List.of("pti_switch"),
                "https://www.kernel.org/doc/html/latest/arch/x86/pti.html");
        Explanation e = new Explanation(
                Explanation.Kind.CALL,
                "getpid",
                "getpid, step by step",
                HOST,
                new CallInfo("getpid", "libc", CallInfo.Kind.KERNEL, "mode-switch", "Returns the process id."),
                new Activation(true, "clocksource tsc, which the vDSO reads"),
                List.of(
                        new VulnerabilityRow(
                                "meltdown",
                                "Mitigation: PTI",
                                meltdown,
                                new Activation(true, "PTI is on, so every call pays it"),
                                List.of(new PublishedCost(
                                        "meltdown", "about 100 ns, a CR3 write", "https://example.org/pti"))),
                        new VulnerabilityRow(
                                "spectre_v1",
                                "Mitigation: usercopy/swapgs barriers",
                                null,
                                new Activation(null, "unknown, not in sysc's notes"),
                                List.of())),
                List.of(
                        new AnnotatedStep(entry, new Activation(true, "always")),
                        new AnnotatedStep(pti, new Activation(false, "pti is off, says the \"pti\" flag"))),
                null,
                List.of(),
                List.of(new Hint("measure", "always", null, "Time it: `sysc measure getpid`.", "sysc")));
        CallResult getpid = new CallResult(
                "getpid",
                "libc",
                true,
                1,
                0,
                null,
                100,
                250,
                spread(92.375),
                spread(104.5),
                spread(12.125),
                new double[] {104.25},
                false,
                "native");
        return new ExplainRun(
                "0.1.0-test", WHEN, "live", e, List.of(getpid), null, List.of(), MeasureSpec.defaults(), null, null);
    }

    @Test
    void explainJson() throws Exception {
        Golden.assertGoldenInEveryLocale("explain.json", () -> ExplainReport.render(explainRun(), Format.JSON));
    }

    @Test
    void explainCsv() throws Exception {
        Golden.assertGoldenInEveryLocale("explain.csv", () -> ExplainReport.render(explainRun(), Format.CSV));
    }

    @Test
    void explainTextAndMarkdown() throws Exception {
        Golden.assertGoldenInEveryLocale(
                "explain.txt", () -> ExplainReport.render(explainRun(), Format.TABLE, Style.NONE, 100));
        Golden.assertGoldenInEveryLocale("explain.md", () -> ExplainReport.render(explainRun(), Format.MARKDOWN));
    }

    // ---- profile/v1 ----

    private static ProfileRun profileRun() {
        return new ProfileRun(
                "0.1.0-test",
                WHEN,
                HOST,
                List.of("dd", "if=/dev/zero", "count=2000"),
                null,
                Duration.ofMillis(1500),
                Duration.ofMillis(20),
                0,
                2_000_000_000L,
                500_000_000L,
                1_000_000_000L,
                CountingMethod.PERF_EVENT,
                null,
                3001,
                92.375,
                3001 * 92.375,
                List.of(
                        new SyscallCost("read", 2000, 1333.3333, 201.125, "measured:read", 402_250),
                        new SyscallCost("exit_group", 1001, 667.3333, 92.375, "floor", 1001 * 92.375)),
                List.of(new Advice("small-io", "2,000 read/write calls: batch them", "sysc batch write", 200_000.5)));
    }

    @Test
    void profileJson() throws Exception {
        Golden.assertGoldenInEveryLocale(
                "profile.json", () -> ProfileReport.render(profileRun(), Format.JSON, Style.NONE));
    }

    @Test
    void profileCsv() throws Exception {
        Golden.assertGoldenInEveryLocale(
                "profile.csv", () -> ProfileReport.render(profileRun(), Format.CSV, Style.NONE));
    }

    @Test
    void profileTextAndMarkdown() throws Exception {
        Golden.assertGoldenInEveryLocale(
                "profile.txt", () -> ProfileReport.render(profileRun(), Format.TABLE, Style.NONE, 100));
        Golden.assertGoldenInEveryLocale(
                "profile.md", () -> ProfileReport.render(profileRun(), Format.MARKDOWN, Style.NONE));
    }
}
