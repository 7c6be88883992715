package dev.sysc.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.sysc.bench.CallResult;
import dev.sysc.bench.MeasureRun;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.host.HostInfo;
import dev.sysc.stats.Summary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Renderers fed hand-built results: what each format says, independent of any machine. */
class MeasureReportTest {
    private static final HostInfo HOST = TestHosts.BOX;
    private static final HostInfo XEN_HOST = new HostInfo(
            "old",
            "5.10",
            "x86_64",
            "Xeon",
            2,
            "xen",
            true,
            "",
            List.of(),
            Map.of(),
            "disabled",
            "on",
            true,
            "none",
            null,
            null);

    private static Summary flat(double v) {
        return new Summary(100, v, v, v, v, v - 1, v + 2, 0.5, 0.01, 0, 0);
    }

    private static CallResult ok(String name, String path, boolean crosses, int crossings, double net) {
        return new CallResult(
                name,
                path,
                crosses,
                crossings,
                0,
                null,
                100,
                250,
                flat(net),
                flat(net + 10),
                flat(10),
                new double[] {net + 10, net + 11},
                false,
                "native");
    }

    /** The table on a wide screen: these tests are about what it says, FitsTheWidthTest about how it folds. */
    private static String table(MeasureRun run) {
        return MeasureTable.render(run, Style.NONE, 1000);
    }

    private static MeasureRun run(HostInfo host, CallResult... results) {
        return new MeasureRun(
                "9.9", Instant.parse("2026-11-27T10:00:00Z"), host, MeasureSpec.defaults(), List.of(results));
    }

    @Test
    void tableShowsPathCrossingCostsAndNotes() {
        String text = table(run(
                HOST,
                ok("getpid", "libc", true, 1, 140.25),
                ok("clock_gettime", "libc", false, 0, 20.5),
                ok("open_close", "libc", true, 2, 2010.4),
                CallResult.failed("io_uring_nop", "syscall", true, 1, 1, "io_uring_setup was refused")));
        assertThat(text).contains("box — Linux 6.1.0 x86_64, Test CPU, 4 CPUs, clocksource tsc (the vDSO can read it)");
        assertThat(text)
                .containsPattern("getpid\\s+libc\\s+crosses\\s+140\\.3 ns\\s+139\\.3–142\\.3\\s+150\\.3\\s+10\\.0");
        assertThat(text).containsPattern("clock_gettime\\s+libc\\s+vDSO\\s+20\\.5 ns");
        assertThat(text).containsPattern("open_close\\s+libc\\s+crosses ×2\\s+2,010 ns");
        assertThat(text).containsPattern("io_uring_nop\\s+syscall\\s+crosses\\s+refused\\s+EPERM");
        assertThat(text).contains("served by the vDSO: no mode switch");
        assertThat(text).contains("2 crossings per invocation (openat + close)");
        assertThat(text).contains("refused: EPERM (Operation not permitted)");
        assertThat(text).contains("net = raw − baseline");
        assertThat(text).contains("100 samples per call, each timing a batch of 250 calls");
    }

    @Test
    void ctxSwitchIsAlsoGivenPerSwitch() {
        String text = table(run(HOST, ok("ctx_switch", "libc", true, 2, 4400)));
        assertThat(text)
                .contains("2 crossings per invocation (write + read)")
                .contains("two context switches per invocation (there and back): 2,200 ns per switch");
    }

    @Test
    void vdsoFallbackIsExplainedWithTheClocksource() {
        String text = table(run(XEN_HOST, ok("clock_gettime", "libc", true, 1, 300)));
        assertThat(text).contains("the vDSO cannot read the xen clocksource, so it falls back to a real syscall");
    }

    @Test
    void forcedSyscallPathIsNamed() {
        String text = table(run(HOST, ok("clock_gettime", "syscall", true, 1, 250)));
        assertThat(text).contains("forced through syscall(2)");
    }

    @Test
    void aPinnedRunIsNotToldToPin() {
        CallResult noisy = new CallResult(
                "getpid", "libc", true, 1, 0, null, 100, 250, flat(140), flat(150), flat(10), new double[] {150}, true);
        MeasureSpec pinned = new MeasureSpec(Duration.ofMillis(300), Duration.ofMillis(200), 0, 1, true);
        MeasureRun run = new MeasureRun("9.9", Instant.parse("2026-11-27T10:00:00Z"), HOST, pinned, List.of(noisy));
        assertThat(MeasureTable.render(run, Style.NONE))
                .contains("noisy:")
                .contains("even on CPU 1")
                .doesNotContain("--cpu N");
        assertThat(MeasureMarkdown.render(run)).contains("even on CPU 1").doesNotContain("--cpu N");
        String compare = CompareReport.render(new dev.sysc.bench.CompareRun(run, 0), Format.TABLE, Style.NONE);
        assertThat(compare).contains("even on CPU 1").doesNotContain("--cpu N");
    }

    @Test
    void withoutABaselineNothingIsSaidToBeSubtracted() {
        CallResult bridge = new CallResult(
                "ffi-noop",
                "libc",
                false,
                0,
                0,
                null,
                100,
                250,
                flat(20),
                flat(20),
                flat(20),
                new double[] {20},
                false,
                "java");
        MeasureSpec noBaseline = new MeasureSpec(
                Duration.ofMillis(300), Duration.ofMillis(200), 0, -1, false, dev.sysc.probe.LoopKind.JAVA);
        MeasureRun run =
                new MeasureRun("9.9", Instant.parse("2026-11-27T10:00:00Z"), HOST, noBaseline, List.of(bridge));
        assertThat(MeasureTable.render(run, Style.NONE))
                .doesNotContain("subtracted from the others")
                .contains("the cost of one call from Java to C");
    }

    @Test
    void noisyResultsCarryAWarning() {
        CallResult noisy = new CallResult(
                "getpid", "libc", true, 1, 0, null, 100, 250, flat(140), flat(150), flat(10), new double[] {150}, true);
        assertThat(table(run(HOST, noisy))).contains("noisy:").contains("--cpu N");
    }

    @Test
    void csvHasTheContractHeaderAndOneRowPerResult() {
        String csv = ResultCsv.render(run(
                HOST,
                ok("getpid", "libc", true, 1, 140.25),
                CallResult.failed("kill0", "libc", true, 1, 1, "refused")));
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("name,path,crosses_kernel,net_median_ns,net_p05_ns,net_p95_ns,"
                        + "raw_median_ns,baseline_median_ns,cv,samples,errno,loop,note");
        assertThat(lines.get(1)).isEqualTo("getpid,libc,true,140.25,139.25,142.25,150.25,10.00,0.0100,100,0,native,");
        assertThat(lines.get(2)).isEqualTo("kill0,libc,true,,,,,,,0,1,,");
    }

    @Test
    void jsonFollowsTheResultSchema() throws Exception {
        String json = ResultJson.render(run(HOST, ok("getpid", "libc", true, 1, 140.25)));
        Map<String, Object> doc = JSON.std.mapFrom(json);
        assertThat(doc.keySet())
                .containsExactly("schema", "tool", "timestamp", "settings", "host", "bridge_ns", "results");
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) doc.get("settings");
        assertThat(settings)
                .containsEntry("loop", "native")
                .containsEntry("time", "300ms")
                .containsEntry("warmup", "200ms")
                .containsEntry("samples", null)
                .containsEntry("cpu", null);
        assertThat(doc.get("bridge_ns")).isNull();
        assertThat(doc.get("schema")).isEqualTo("sysc/result/v1");
        assertThat(doc.get("timestamp")).isEqualTo("2026-11-27T10:00:00Z");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = ((List<Map<String, Object>>) doc.get("results")).get(0);
        assertThat(result.keySet())
                .containsExactly(
                        "name",
                        "path",
                        "loop",
                        "crosses_kernel",
                        "errno",
                        "samples",
                        "calls_per_sample",
                        "net_ns",
                        "net_note",
                        "raw_ns",
                        "baseline_ns",
                        "sample_ns");
        assertThat(result.get("loop")).isEqualTo("native");
        assertThat(result.get("net_note")).isNull();
        assertThat(result.get("sample_ns")).isEqualTo(List.of(150.25, 151.25));
        @SuppressWarnings("unchecked")
        Map<String, Object> net = (Map<String, Object>) result.get("net_ns");
        assertThat(net.keySet()).containsExactly("median", "mean", "min", "p05", "p95", "stddev", "cv");
        assertThat(((Number) net.get("median")).doubleValue()).isEqualTo(140.25);
    }

    @Test
    void aNetBelowTheResolutionIsNeverANumber() throws Exception {
        // A cold or noisy baseline can make raw − baseline come out at zero or below.
        CallResult tiny = ok("ffi-noop", "libc", false, 0, -3.2);
        MeasureRun run = run(HOST, tiny);
        assertThat(table(run))
                .containsPattern("ffi-noop\\s+libc\\s+never\\s+< 0\\.50 ns")
                .doesNotContain("-3.2")
                .contains("below the resolution");
        Map<String, Object> doc = JSON.std.mapFrom(ResultJson.render(run));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = ((List<Map<String, Object>>) doc.get("results")).get(0);
        assertThat(result.get("net_ns")).isNull();
        assertThat(result.get("net_note")).isEqualTo("below the resolution of 0.50 ns");
        assertThat(ResultCsv.render(run).lines().toList().get(1))
                .startsWith("ffi-noop,libc,false,,")
                .endsWith(",native,below the resolution of 0.50 ns");
    }

    @Test
    void theFooterNamesTheLoopAndTheBridge() {
        MeasureRun nativeRun = new MeasureRun(
                "9.9",
                Instant.parse("2026-11-27T10:00:00Z"),
                HOST,
                MeasureSpec.defaults(),
                List.of(ok("getpid", "libc", true, 1, 140.25)),
                flat(9.5));
        assertThat(table(nativeRun)).contains("native loop").contains("A Java caller pays 9.50 ns more");
        CallResult javaResult = ok("getpid", "libc", true, 1, 140.25).withLoop("java");
        MeasureRun fallback = run(HOST, javaResult);
        assertThat(table(fallback)).contains("the kernel refused to run").contains("baseline (ffi-noop)");
        MeasureRun asked = new MeasureRun(
                "9.9",
                Instant.parse("2026-11-27T10:00:00Z"),
                HOST,
                MeasureSpec.defaults().withLoop(dev.sysc.probe.LoopKind.JAVA),
                List.of(javaResult));
        assertThat(table(asked)).contains("Java loop (loop: java)").doesNotContain("refused");
    }

    @Test
    void markdownIsATable() {
        String md = MeasureMarkdown.render(run(HOST, ok("getpid", "libc", true, 1, 140.25)));
        assertThat(md)
                .contains("| call | path | kernel |")
                .contains("|---|")
                .contains("| `getpid` | libc | crosses | 140.3 |");
    }

    @Test
    void numbersKeepSensiblePrecision() {
        assertThat(Numbers.ns(4.519)).isEqualTo("4.52");
        assertThat(Numbers.ns(21.34)).isEqualTo("21.3");
        assertThat(Numbers.ns(2010.4)).isEqualTo("2,010");
    }
}
