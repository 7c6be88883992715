package dev.sysc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sysc.bench.MeasureRun;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.explain.KnowledgeBase;
import dev.sysc.explain.LivePlan;
import dev.sysc.host.HostInfo;
import dev.sysc.os.HostReader;
import dev.sysc.report.ResultJson;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sysc explain}, black box: this machine, recorded machines (--from), formats and errors. Over
 * 350 lines because each topic's live run (vdso, bpf, indirect-costs, mitigations --measure) has its
 * own checks beside the shared ones.
 */
@org.junit.jupiter.api.Tag("slow")
class ExplainCommandTest {
    private static final List<String> TOP_KEYS = List.of(
            "schema",
            "tool",
            "timestamp",
            "settings",
            "subject",
            "host_source",
            "host",
            "vdso",
            "mitigations",
            "steps",
            "topic",
            "speculation_control",
            "measured",
            "measure_note",
            "next");

    @TempDir
    Path tmp;

    private static SyscRun.Run sysc(String... args) {
        return SyscRun.sysc(args);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> doc, String key) {
        return (List<Map<String, Object>>) doc.get(key);
    }

    private static Map<String, Object> step(Map<String, Object> doc, String id) {
        return list(doc, "steps").stream()
                .filter(s -> s.get("id").equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step " + id));
    }

    /** A saved result whose host block is the recorded machine {@code fixture}. */
    private Path savedRunOf(String fixture) throws IOException, URISyntaxException {
        HostInfo host = new HostReader(
                        Path.of(getClass().getResource("/hosts/" + fixture).toURI()))
                .read();
        Path file = tmp.resolve(fixture + ".json");
        Files.writeString(
                file,
                ResultJson.render(new MeasureRun(
                        "9.9", Instant.parse("2026-11-27T10:00:00Z"), host, MeasureSpec.defaults(), List.of())));
        return file;
    }

    /**
     * The status cell of {@code file}'s row in the vulnerability table of a text page: its lines (a long
     * status wraps inside the cell) joined again.
     */
    static String statusCell(String page, String file) {
        List<String> lines = page.lines().toList();
        String header = lines.stream()
                .filter(l -> l.startsWith("file ") && l.contains(" status "))
                .findFirst()
                .orElseThrow();
        int from = header.indexOf("status");
        int to = header.indexOf("on the path");
        StringBuilder cell = new StringBuilder();
        int row = lines.indexOf(
                lines.stream().filter(l -> l.startsWith(file + " ")).findFirst().orElseThrow());
        for (int i = row; i < lines.size() && (i == row || lines.get(i).startsWith(" ".repeat(from))); i++) {
            String line = lines.get(i);
            cell.append(' ')
                    .append(line.substring(Math.min(from, line.length()), Math.min(to, line.length()))
                            .strip());
        }
        return cell.toString().strip();
    }

    @Test
    void thisMachineShowsEveryVulnerabilityFileWithItsExactStatus() {
        HostInfo host = HostReader.live().read();
        var run = sysc("explain", "--no-measure");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(host.vulnerabilities()).isNotEmpty();
        host.vulnerabilities()
                .forEach((file, status) ->
                        assertThat(statusCell(run.out(), file)).as(file).isEqualTo(status));
        assertThat(run.out().replaceAll("\\s+", " "))
                .contains(
                        "Time without crossing: the vDSO",
                        "What to try next",
                        "Published costs",
                        "(published: https://");
        assertThat(run.out()).doesNotContain("Measured here");
    }

    @Test
    void thisMachinesPathMatchesItsVulnerabilityFiles() throws IOException {
        HostInfo host = HostReader.live().read();
        assumeTrue("Not affected".equals(host.vulnerabilities().get("meltdown")), "meltdown: Not affected here");
        var run = sysc("explain", "getppid", "--no-measure", "--format", "json");
        assertThat(run.exit()).isZero();
        Map<String, Object> doc = SyscRun.json(run.out());
        assertThat(new ArrayList<>(doc.keySet())).containsExactlyElementsOf(TOP_KEYS);
        assertThat(doc.get("schema")).isEqualTo("sysc/explain/v1");
        assertThat(list(doc, "steps"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s).containsKeys("id", "phase", "title", "what", "active", "reason"));
        assertThat(step(doc, "entry-cr3").get("active")).isEqualTo(false);
        assertThat(step(doc, "entry-cr3").get("reason")).isEqualTo("meltdown: \"Not affected\"");
        String srso = host.vulnerabilities().getOrDefault("spec_rstack_overflow", "");
        if (srso.contains("Safe RET")) {
            assertThat(step(doc, "entry-untrain-ret").get("active")).isEqualTo(true);
            assertThat((String) step(doc, "entry-untrain-ret").get("reason")).contains("spec_rstack_overflow", srso);
        }
    }

    @Test
    void clockGettimeNamesTheVdsoAndTheClocksource() {
        HostInfo host = HostReader.live().read();
        assumeTrue(host.vdsoClockUsable(), "a vDSO-capable clocksource here");
        var run = sysc("explain", "clock_gettime", "--no-measure");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains(
                        "Served by the vDSO here",
                        "clocksource (" + host.clocksource() + ")",
                        "clocksource " + host.clocksource() + ": the vDSO can read it",
                        "[inactive] user      Fall back");
    }

    @Test
    void recordedXenHostWithPtiSaysTheClockDependsOnTheHypervisor() throws Exception {
        Path saved = savedRunOf("intel-pti-xen");
        var run = sysc("explain", "clock_gettime", "--from", saved.toString(), "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, Object> doc = SyscRun.json(run.out());
        assertThat(doc.get("host_source")).isEqualTo(saved.toString());
        // xen serves the vDSO only when Xen reports a stable TSC, which a recorded host does not say.
        assertThat(step(doc, "vdso-fallback").get("active")).isNull();
        assertThat((String) step(doc, "vdso-fallback").get("reason")).contains("xen", "stable TSC");
        assertThat(step(doc, "entry-cr3").get("active")).isNull();
        assertThat((String) step(doc, "entry-cr3").get("reason")).startsWith("only if the vDSO falls back");
        assertThat(list(doc, "measured")).isEmpty();
        assertThat((String) doc.get("measure_note"))
                .contains("--from", "recorded")
                .as("compare needs a second run: the note says how to make it")
                .contains("-o here.json, then: sysc compare " + saved + " here.json");

        var text = sysc("explain", "clock_gettime", "--from", saved.toString());
        assertThat(text.out())
                .contains(
                        "the machine recorded in",
                        "whether it falls back here is not decided",
                        "clocksource xen",
                        "stable TSC");
    }

    @Test
    void recordedMachineOverviewListsItsFilesAndHints() throws Exception {
        Path saved = savedRunOf("intel-pti-xen");
        var run = sysc("explain", "--from", saved.toString(), "--format", "json");
        assertThat(run.exit()).isZero();
        Map<String, Object> doc = SyscRun.json(run.out());
        Map<String, Object> meltdown = list(doc, "mitigations").stream()
                .filter(m -> m.get("file").equals("meltdown"))
                .findFirst()
                .orElseThrow();
        assertThat(meltdown).containsEntry("status", "Mitigation: PTI").containsEntry("active", true);
        assertThat(list(meltdown, "published"))
                .isNotEmpty()
                .allSatisfy(
                        p -> assertThat(p).containsEntry("label", "published").containsKey("source"));
        assertThat(list(doc, "next")).extracting(n -> n.get("id")).contains("next-pti-off");
    }

    @Test
    void topicsRenderAsMarkdownForHandouts() {
        var run = sysc("explain", "mode-switch", "--no-measure", "--format", "markdown");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .startsWith("# The mode switch")
                .contains("| # | phase | step | here | why |", "## What to try next");
        for (String topic : List.of(
                "vdso", "mitigations", "batching", "bpf", "indirect-costs", "page-fault", "clone", "signal-delivery")) {
            var t = sysc("explain", topic, "--no-measure");
            assertThat(t.exit()).as(topic).isZero();
            assertThat(t.out()).as(topic).isNotBlank();
        }
        assertThat(sysc("explain", "mitigations", "--no-measure").out().replaceAll("\\s+", " "))
                .contains("Per-process switches (prctl)", "compare with.json without.json");
    }

    @Test
    void vdsoTimesGettimeofdayThreeWaysOnlyWhereTheVsyscallPageIsMapped() {
        LivePlan vdso = KnowledgeBase.builtIn().topic("vdso").orElseThrow().live();
        assertThat(vdso.calls(true))
                .containsExactly(
                        "clock_gettime",
                        "clock_gettime@syscall",
                        "gettimeofday@vsyscall",
                        "gettimeofday@vdso",
                        "gettimeofday@syscall");
        assertThat(vdso.calls(false)).containsExactly("clock_gettime", "clock_gettime@syscall");
        assertThat(sysc("explain", "vdso", "--no-measure").out())
                .contains("emulate_vsyscall", "0xffffffffff600000", "gettimeofday@vsyscall");
    }

    @Test
    void bpfLiveRunsTheFilterWorkloadAndShowsItsCrossings() throws Exception {
        var run = sysc("explain", "bpf", "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, Object> doc = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(run.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> filter = (Map<String, Object>) doc.get("filter");
        assertThat(filter)
                .containsEntry("name", "filter")
                .containsEntry("x", "one_in_k")
                .containsEntry("available", true);
        assertThat(list(filter, "series")).extracting(s -> s.get("strategy")).containsExactly("discard", "bpf-filter");
        assertThat(list(list(filter, "series").get(1), "points"))
                .extracting(p -> p.get("batch"), p -> p.get("crossings"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 101),
                        org.assertj.core.groups.Tuple.tuple(10, 11),
                        org.assertj.core.groups.Tuple.tuple(100, 2));
        // The receiver's recv calls, counted: 100 / K with the filter; and its figures beside them.
        assertThat(list(list(filter, "series").get(1), "points"))
                .extracting(p -> p.get("recv_calls"))
                .containsExactly(100, 10, 1);
        assertThat(list(list(filter, "series").get(1), "points"))
                .allSatisfy(p -> assertThat(p).containsKeys("receiver_ns_per_op", "receiver_ns_per_sent"));
        assertThat(list(filter, "receiver_share"))
                .extracting(s -> s.get("batch"))
                .containsExactly(1, 10, 100);
        assertThat(doc).doesNotContainKey("batching");
    }

    @Test
    void csvHasOneRowPerAnnotatedEntry() {
        var run = sysc("explain", "getppid", "--no-measure", "--format", "csv");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("kind,id,status,active,reason\n").contains("\nstep,entry-cr3,");
    }

    @Test
    void unknownSubjectIsAUsageErrorWithSuggestions() {
        var run = sysc("explain", "vsdo");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("unknown call or topic 'vsdo'", "did you mean", "vdso");

        var path = sysc("explain", "getpid@vdso");
        assertThat(path.exit()).isEqualTo(2);
        assertThat(path.errLines()).hasSize(1);

        var measure = sysc("explain", "getppid", "--measure");
        assertThat(measure.exit()).isEqualTo(2);
        assertThat(measure.err()).contains("mitigations --measure");

        var missing = sysc("explain", "--from", tmp.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errLines()).hasSize(1);
    }

    @Test
    void aShortLiveMeasurementOfTheFloorIsLabelledMeasured() throws IOException {
        var run = sysc("explain", "--format", "json", "-q");
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, Object> doc = SyscRun.json(run.out());
        assertThat(list(doc, "measured"))
                .extracting(m -> m.get("name"))
                .containsExactly("ffi-noop", "enosys", "clock_gettime");
        assertThat(list(doc, "measured")).allSatisfy(m -> assertThat(m).containsEntry("label", "measured"));
        assertThat(list(doc, "measured").get(1).get("net_median_ns")).isInstanceOf(Number.class);
    }

    @Test
    void helpListsExplain() {
        assertThat(sysc("--help").out()).contains("explain");
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchingTimesNWritesAgainstOneWritevOfNIovecs() throws IOException {
        var run = sysc("explain", "batching", "--format", "json", "-q");
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, Object> doc = SyscRun.json(run.out());
        Map<String, Object> batch = (Map<String, Object>) doc.get("batching");
        assertThat(batch).containsEntry("name", "write").containsEntry("available", true);
        assertThat(list(batch, "series"))
                .extracting(s -> s.get("strategy"))
                .containsExactly("write-loop", "writev", "write-buffer");
        for (Map<String, Object> series : list(batch, "series")) {
            assertThat(list(series, "points"))
                    .extracting(p -> ((Number) p.get("batch")).intValue())
                    .containsExactly(16, 64);
        }
        // No one-iovec writev against write any more, and a suggestion that runs.
        assertThat(list(doc, "measured")).isEmpty();
        var text = sysc("explain", "batching", "--no-measure");
        assertThat(text.out()).contains("sysc batch write --sizes").doesNotContain("sysc compare write writev");
    }

    @Test
    @SuppressWarnings("unchecked")
    void indirectCostsRunsOneExperimentAlone() throws IOException {
        var run = sysc("explain", "indirect-costs", "--experiment", "return-stack", "--format", "json", "-q");
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, Object> ex = (Map<String, Object>) SyscRun.json(run.out()).get("experiments");
        assertThat(ex).containsKey("return_stack").doesNotContainKeys("pollution", "seccomp_filter");
        Map<String, Object> rs = (Map<String, Object>) ex.get("return_stack");
        assertThat(rs.get("per_frame_penalty_ns")).isInstanceOf(Number.class);
        assertThat(list(rs, "points"))
                .extracting(p -> ((Number) p.get("frames")).intValue())
                .containsExactly(1, 2, 3, 4, 6, 8, 10, 12, 14, 16);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSeccompExperimentLeavesNoThreadOfThisProcessFiltered() throws IOException {
        var run = sysc("explain", "indirect-costs", "--experiment", "seccomp", "--format", "json", "-q");
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, Object> ex = (Map<String, Object>) SyscRun.json(run.out()).get("experiments");
        assertThat(list(ex, "seccomp_filter"))
                .extracting(f -> ((Number) f.get("instructions")).intValue())
                .containsExactly(0, 1, 16, 128, 512, 16, 128, 512);
        assertThat(list(ex, "seccomp_filter"))
                .allSatisfy(f -> assertThat(f.get("net_ns")).isInstanceOf(Number.class));
        assertThat(ex.get("seccomp_filtered_threads_after")).isEqualTo(0);
        // sysc ran in this JVM: none of its threads, the main one included, is left under a filter.
        assertThat(dev.sysc.os.SeccompFilter.modesOfThreads().values()).containsOnly(0);
    }

    @Test
    void experimentNamesAndPlacesAreChecked() {
        var unknown = sysc("explain", "indirect-costs", "--experiment", "tlb");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.errLines())
                .singleElement()
                .asString()
                .contains("unknown experiment 'tlb'")
                .contains("return-stack, pollution, seccomp");
        var elsewhere = sysc("explain", "vdso", "--experiment", "pollution");
        assertThat(elsewhere.exit()).isEqualTo(2);
        assertThat(elsewhere.errLines()).singleElement().asString().contains("belongs to the indirect-costs topic");
        var notMeasuring = sysc("explain", "indirect-costs", "--experiment", "seccomp", "--no-measure");
        assertThat(notMeasuring.exit()).isEqualTo(2);
        assertThat(notMeasuring.errLines()).singleElement().asString().contains("--no-measure");
    }

    @Test
    void noMeasureRunsNoExperiment() throws IOException {
        var run = sysc("explain", "indirect-costs", "--no-measure", "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(SyscRun.json(run.out())).doesNotContainKey("experiments");
    }
}
