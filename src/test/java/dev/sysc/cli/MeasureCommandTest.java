package dev.sysc.cli;

import static dev.sysc.cli.SyscRun.json;
import static dev.sysc.cli.SyscRun.map;
import static dev.sysc.cli.SyscRun.measure;
import static dev.sysc.cli.SyscRun.num;
import static dev.sysc.cli.SyscRun.results;
import static dev.sysc.cli.SyscRun.sysc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sysc.cli.SyscRun.Run;
import dev.sysc.exit.ExitCodes;
import dev.sysc.os.Affinity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code sysc measure}, black box: arguments in, exit code and text out. Over 350 lines because it
 * holds one test per documented behaviour of the main command (each format and its schema, pinning,
 * usage errors, interruption, seccomp) and the schema's key lists they share; the -o and list tests
 * have their own classes.
 */
@org.junit.jupiter.api.Tag("slow")
class MeasureCommandTest {

    private static final List<String> TOP_KEYS =
            List.of("schema", "tool", "timestamp", "settings", "host", "bridge_ns", "results");
    private static final List<String> HOST_KEYS = List.of(
            "hostname",
            "kernel",
            "arch",
            "cpu_model",
            "cpus",
            "clocksource",
            "virtualized",
            "cmdline",
            "cpu_flags",
            "vulnerabilities",
            "seccomp",
            "smt",
            "vdso_mapped",
            "vsyscall",
            "speculation_store_bypass",
            "speculation_indirect_branch");
    private static final List<String> RESULT_KEYS = List.of(
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
    private static final List<String> SUMMARY_KEYS = List.of("median", "mean", "min", "p05", "p95", "stddev", "cv");
    private static final String CSV_HEADER = "name,path,crosses_kernel,net_median_ns,net_p05_ns,net_p95_ns,"
            + "raw_median_ns,baseline_median_ns,cv,samples,errno,loop,note";

    @TempDir
    Path tmp;

    private static boolean vdsoClockSource() {
        try {
            String cs = Files.readString(Path.of("/sys/devices/system/clocksource/clocksource0/current_clocksource"))
                    .trim();
            return Set.of("tsc", "kvm-clock", "hyperv_clocksource_tsc_page").contains(cs);
        } catch (IOException e) {
            return false;
        }
    }

    // ---- table ----

    @Test
    void measuresGetpidAsATable() {
        Run r = measure("getpid");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("getpid", "crosses", "net median").containsPattern("\\d ns\\b");
        assertThat(r.err()).as("-q: no progress on stderr").isEmpty();
    }

    // ---- json ----

    @Test
    void jsonFollowsTheResultSchema() throws IOException {
        Run r = measure("getpid", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();

        Map<String, Object> doc = json(r.out());
        assertThat(new ArrayList<>(doc.keySet())).containsExactlyElementsOf(TOP_KEYS);
        assertThat(doc.get("schema")).isEqualTo("sysc/result/v1");
        assertThat(map(doc.get("tool"))).containsEntry("name", "sysc").containsKey("version");
        assertThat((String) doc.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z");
        Map<String, Object> host = map(doc.get("host"));
        assertThat(new ArrayList<>(host.keySet())).containsExactlyElementsOf(HOST_KEYS);
        assertThat(host.get("cpu_flags")).isInstanceOf(List.class);
        assertThat(host.get("vulnerabilities")).isInstanceOf(Map.class);
        assertThat(num(host.get("cpus"))).isGreaterThanOrEqualTo(1);

        List<Map<String, Object>> results = results(doc);
        assertThat(results).hasSize(1);
        Map<String, Object> getpid = results.get(0);
        assertThat(new ArrayList<>(getpid.keySet())).containsExactlyElementsOf(RESULT_KEYS);
        assertThat(getpid)
                .containsEntry("name", "getpid")
                .containsEntry("path", "libc")
                .containsEntry("crosses_kernel", true)
                .containsEntry("errno", 0);
        for (String summary : List.of("net_ns", "raw_ns", "baseline_ns")) {
            assertThat(new ArrayList<>(map(getpid.get(summary)).keySet()))
                    .as(summary)
                    .containsExactlyElementsOf(SUMMARY_KEYS);
        }
        int samples = ((Number) getpid.get("samples")).intValue();
        assertThat(samples).isGreaterThanOrEqualTo(10);
        assertThat((List<?>) getpid.get("sample_ns")).hasSize(samples);
        assertThat(num(getpid.get("calls_per_sample"))).isGreaterThanOrEqualTo(1);
        assertThat(num(map(getpid.get("net_ns")).get("median"))).isPositive();
        assertThat(num(map(getpid.get("raw_ns")).get("median")))
                .isGreaterThan(num(map(getpid.get("baseline_ns")).get("median")));
    }

    @Test
    void jsonSaysWhetherClockGettimeCrossesByPath() throws IOException {
        assumeTrue(vdsoClockSource(), "the clocksource lets the vDSO read the clock");

        Run r = measure("clock_gettime", "clock_gettime@syscall", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();

        List<Map<String, Object>> results = results(json(r.out()));
        assertThat(results)
                .extracting(m -> m.get("name") + "@" + m.get("path"))
                .containsExactly("clock_gettime@libc", "clock_gettime@syscall");
        assertThat(results.get(0)).containsEntry("crosses_kernel", false);
        assertThat(results.get(1)).containsEntry("crosses_kernel", true);
    }

    @Test
    void noBaselineGivesANullBaselineAndNetEqualToRaw() throws IOException {
        Run r = measure("getpid", "--format", "json", "--no-baseline");
        assertThat(r.exit()).as(r.err()).isZero();

        Map<String, Object> getpid = results(json(r.out())).get(0);
        assertThat(getpid).containsKey("baseline_ns");
        assertThat(getpid.get("baseline_ns")).isNull();
        assertThat(getpid.get("net_ns")).isEqualTo(getpid.get("raw_ns"));
    }

    @Test
    void samplesTakesExactlyThatMany() throws IOException {
        Run r = sysc("measure", "getpid", "--samples", "50", "--warmup", "0", "-q", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();

        Map<String, Object> getpid = results(json(r.out())).get(0);
        assertThat(((Number) getpid.get("samples")).intValue()).isEqualTo(50);
        assertThat((List<?>) getpid.get("sample_ns")).hasSize(50);
    }

    @Test
    void cpuZeroWorks() throws Exception {
        // Measure on a thread of its own: pinning applies to the measuring thread, not to the test runner's.
        AtomicReference<Run> run = new AtomicReference<>();
        Thread t = new Thread(() -> run.set(measure("getpid", "--cpu", "0")));
        t.start();
        t.join();

        assertThat(run.get().exit()).as(run.get().err()).isZero();
        assertThat(run.get().out()).contains("getpid");
    }

    @Test
    void cpuPinningDoesNotOutliveTheCommand() throws Exception {
        // The shell runs one command after another on the same thread: a --cpu given to one must not
        // stay in force for the next, which did not ask for it.
        AtomicReference<int[]> before = new AtomicReference<>();
        AtomicReference<int[]> after = new AtomicReference<>();
        AtomicReference<Run> run = new AtomicReference<>();
        Thread t = new Thread(() -> {
            before.set(Affinity.allowedCpus());
            run.set(measure("getpid", "--cpu", "0"));
            after.set(Affinity.allowedCpus());
        });
        t.start();
        t.join();
        assumeTrue(before.get().length > 1, "this process may run on more than one CPU");

        assertThat(run.get().exit()).as(run.get().err()).isZero();
        assertThat(after.get())
                .as("CPUs the thread may use after `measure --cpu 0`")
                .containsExactly(before.get());
    }

    // ---- csv ----

    @Test
    void csvHasTheFixedHeaderAndOneRowPerCall() {
        Run r = measure("getpid", "getppid", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();

        List<String> lines = r.out().lines().collect(Collectors.toList());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(CSV_HEADER);
        assertThat(lines.get(1)).startsWith("getpid,libc,true,");
        assertThat(lines.get(2)).startsWith("getppid,libc,true,");
        for (String row : lines.subList(1, 3)) {
            String[] cells = row.split(",", -1);
            assertThat(cells).as(row).hasSize(13);
            assertThat(cells[11]).as("loop of %s", row).isEqualTo("native");
            assertThat(Double.parseDouble(cells[3])).as("net median of %s", row).isPositive();
            assertThat(Integer.parseInt(cells[9])).as("samples of %s", row).isGreaterThanOrEqualTo(10);
            assertThat(cells[10]).as("errno of %s", row).isEqualTo("0");
        }
    }

    // ---- markdown ----

    @Test
    void markdownIsATableNamingTheCall() {
        Run r = measure("getpid", "--format", "markdown");
        assertThat(r.exit()).as(r.err()).isZero();

        assertThat(r.out()).contains("|---", "`getpid`");
    }

    // ---- usage errors ----

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("measure", "getpd"), "did you mean getpid"),
                Arguments.of(List.of("measure", "getpid@vdso"), "libc, syscall"),
                Arguments.of(List.of("measure"), "measure needs at least one call"),
                Arguments.of(List.of("measure", "getpid", "--bogus"), "--bogus"),
                Arguments.of(List.of("measure", "getpid", "--format", "yaml"), "table, json, csv or markdown"),
                Arguments.of(List.of("measure", "getpid", "--time", "banana"), "banana"),
                Arguments.of(List.of("measure", "getpid", "--time", "0"), "--time"),
                Arguments.of(List.of("measure", "getpid", "--time", "10m"), "--time 10m: longer than the maximum, 1m"),
                Arguments.of(
                        List.of("measure", "getpid", "--time", "100s"), "--time 100s: longer than the maximum, 60s"),
                Arguments.of(List.of("measure", "getpid", "--warmup", "2m"), "--warmup"),
                Arguments.of(List.of("measure", "getpid", "--samples", "0"), "--samples"),
                Arguments.of(List.of("measure", "getpid", "--samples", "many"), "many"),
                Arguments.of(List.of("measure", "getpid", "--cpu", "999"), "999"),
                Arguments.of(List.of("measure", "getpid", "--cpu", "-1"), "--cpu"),
                Arguments.of(List.of("list", "--category", "nope"), "nope"),
                Arguments.of(List.of("nosuchcommand"), "nosuchcommand"),
                Arguments.of(List.of("measure", "getpid", "-o", "/nonexistent-sysc-dir/out.json"), "does not exist"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrorsExitTwoWithOneLineAndNoStackTrace(List<String> args, String mentions) {
        List<String> all = new ArrayList<>(args);
        if (args.get(0).equals("measure")) {
            all.addAll(List.of("--warmup", "0", "-q"));
            if (!args.contains("--time")) {
                all.addAll(List.of("--time", "20ms"));
            }
        }
        Run r = sysc(all.toArray(new String[0]));

        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).as("stderr").hasSize(1);
        assertThat(r.err()).contains(mentions).doesNotContain("Exception").doesNotContain("at dev.");
        assertThat(r.out()).as("stdout").isEmpty();
    }

    @Test
    void aUsageErrorIntoADirectoryThatDoesNotExistAlsoNamesTheFile() {
        Path target = tmp.resolve("missing").resolve("out.json");
        Run r = measure("getpid", "-o", target.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains(target.toString());
        assertThat(target.getParent()).doesNotExist();
    }

    @Test
    void outputOntoADirectoryIsAUsageError() {
        Run r = measure("getpid", "-o", tmp.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("directory").doesNotContain("Exception");
    }

    @Test
    void debugAddsTheStackTrace() {
        Run r = sysc("measure", "getpd", "--debug");

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines().get(0)).contains("did you mean getpid");
        assertThat(r.errLines().size()).isGreaterThan(1);
        assertThat(r.err()).contains("UnknownCallException");
    }

    // ---- help and version ----

    @Test
    void versionPrintsTheToolName() {
        Run r = sysc("--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("sysc ");
        assertThat(r.out().lines().findFirst().orElse("")).doesNotContain("unknown");
    }

    @Test
    void measureHelpListsTheMeasurementOptions() {
        Run r = sysc("measure", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("--time", "--cpu", "--format", "--warmup", "--samples", "--no-baseline", "--output");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void noCommandIsAUsageError() {
        Run r = sysc();

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).hasSize(1);
    }

    @Test
    void measuringSpawnWaitLeavesNoZombie() throws IOException {
        Run r = measure("spawn_wait");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("spawn_wait");
        assertThat(dev.sysc.os.ChildProcesses.now())
                .as("children of this process after the measurement (a zombie stays a child until reaped)")
                .isEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"signal_roundtrip", "ctx_switch", "spawn_wait", "thread_create"})
    void interruptedMidMeasurementTheKernelWorkEntriesPutEverythingBack(String call) throws Exception {
        // Ctrl-C in the shell interrupts the measuring thread; the probes then close on the way out.
        int signal = dev.sysc.os.Bindings.child().__libc_current_sigrtmin() + 5;
        AtomicReference<Run> run = new AtomicReference<>();
        AtomicReference<int[]> cpusBefore = new AtomicReference<>();
        AtomicReference<int[]> cpusAfter = new AtomicReference<>();
        Thread t = new Thread(() -> {
            cpusBefore.set(Affinity.allowedCpus());
            run.set(sysc("measure", call, "--time", "30s", "-q"));
            cpusAfter.set(Affinity.allowedCpus());
        });
        t.start();
        Thread.sleep(1000); // well into sampling: setup takes a few milliseconds
        t.interrupt();
        t.join(60_000);

        assertThat(t.isAlive()).as("the measurement stopped").isFalse();
        assertThat(run.get().exit()).as(run.get().err()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(cpusAfter.get())
                .as("ctx_switch gave the thread its CPUs back")
                .isEqualTo(cpusBefore.get());
        assertThat(dev.sysc.os.InstalledHandler.currentHandler(signal))
                .as("the signal's old disposition is back")
                .isZero();
        assertThat(dev.sysc.os.ChildProcesses.now())
                .as("no child left, zombie or not")
                .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void seccompMeasuresUnderAFilterOnAThreadAndLeavesSyscUnfiltered() throws IOException {
        Run r = sysc("measure", "getpid@raw", "--seccomp", "64", "--time", "50ms", "--format", "json", "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Object> doc = json(r.out());
        assertThat((Map<String, Object>) doc.get("settings")).containsEntry("seccomp", 64);
        Map<String, Object> result = ((List<Map<String, Object>>) doc.get("results")).get(0);
        assertThat(result).containsEntry("errno", 0);
        assertThat(dev.sysc.os.SeccompFilter.modesOfThreads().values()).containsOnly(0);
        Run table = sysc("measure", "getpid@raw", "--seccomp", "1", "--time", "20ms", "-q");
        assertThat(table.out().replaceAll("\\s*\\n\\s*", " "))
                .contains("under an allow-all seccomp filter of 1 instruction (--seccomp)");
        Map<String, Object> plain = json(sysc("measure", "getpid@raw", "--time", "20ms", "--format", "json", "-q")
                .out());
        assertThat((Map<String, Object>) plain.get("settings")).containsEntry("seccomp", null);
    }

    @Test
    void seccompLengthsOutsideWhatTheKernelTakesAreUsageErrors() {
        for (String n : List.of("0", "4097", "-3")) {
            Run r = sysc("measure", "getpid", "--seccomp", n);
            assertThat(r.exit()).as(n).isEqualTo(2);
            assertThat(r.errLines()).singleElement().asString().contains("--seccomp must be between 1 and 4096");
        }
    }
}
