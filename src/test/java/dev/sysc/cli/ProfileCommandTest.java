package dev.sysc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.sysc.os.PerfUnavailableException;
import dev.sysc.probe.CallRef;
import dev.sysc.profile.Profiler;
import dev.sysc.profile.UnitCosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sysc profile}, black box, on real programs counted for real; unit costs come from a fake
 * measurer (100 ns a call, 50 ns the floor) so that every estimate is exact.
 */
@org.junit.jupiter.api.Tag("slow")
class ProfileCommandTest {
    private static final UnitCosts.Measurer FIXED = calls -> {
        Map<String, Double> m = new HashMap<>();
        for (CallRef c : calls) {
            m.put(c.id(), c.name().equals("enosys") ? 50.0 : 100.0);
        }
        return m;
    };

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {}

    private Run profile(Profiler profiler, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == ProfileCommand.class
                        ? cls.cast(new ProfileCommand(profiler, FIXED, tmp.resolve("cache")))
                        : CommandLine.defaultFactory().create(cls);
            }
        };
        List<String> all = new ArrayList<>(List.of("profile", "-q"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (PrintWriter o = new PrintWriter(out);
                PrintWriter e = new PrintWriter(err)) {
            exit = SyscCommand.commandLine(o, e, factory).execute(all.toArray(new String[0]));
        }
        return new Run(exit, out.toString(), err.toString());
    }

    private Run profile(String... args) {
        return profile(Profiler.live(), args);
    }

    /** perf events refused as an unprivileged user would see it, with strace at {@code strace} or nowhere. */
    private static Profiler perfRefused(Optional<Path> strace) {
        return new Profiler(
                () -> {
                    throw new PerfUnavailableException(
                            "perf_event_open refused to count system calls (EACCES)",
                            "run as root, or sysctl kernel.perf_event_paranoid=-1");
                },
                () -> strace,
                System.getenv("PATH"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> byName(Map<String, Object> doc, String name) {
        return ((List<Map<String, Object>>) doc.get("syscalls"))
                .stream().filter(s -> s.get("name").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void countsTheKnownMixExactlyCostsItAndExitsWithTheProgramsStatus() throws Exception {
        Run r = profile("--format", "json", "--", dev.sysc.profile.KnownMixPath.get(), "mix");

        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        Map<String, Object> doc = JSON.std.mapFrom(r.out());
        assertThat(doc)
                .containsEntry("schema", "sysc/profile/v1")
                .containsEntry("exit_status", 3)
                .containsEntry("counting", "perf_event")
                .containsEntry("crossing_floor_ns", 50.0)
                .containsKeys("tool", "timestamp", "settings", "host", "wall_ns", "user_ns", "sys_ns", "advice");
        assertThat(byName(doc, "getppid"))
                .containsEntry("count", 1100)
                .containsEntry("unit_ns", 100.0)
                .containsEntry("unit_source", "measured:getppid")
                .containsEntry("est_ns", 110000.0);
        assertThat(byName(doc, "write")).containsEntry("count", 300);
        assertThat(byName(doc, "clock_gettime"))
                .containsEntry("count", 200)
                .containsEntry("unit_source", "measured:clock_gettime");
        // set_tid_address is in every program's start-up and no catalog entry makes it: it costs the floor.
        assertThat(byName(doc, "set_tid_address"))
                .containsEntry("unit_ns", 50.0)
                .containsEntry("unit_source", "floor");
        long total = ((Number) doc.get("total_calls")).longValue();
        assertThat(((Number) doc.get("crossing_tax_ns")).doubleValue()).isEqualTo(total * 50.0);
        assertThat(doc.get("advice").toString()).contains("clock-in-kernel", "sysc explain vdso");
    }

    @Test
    void theTableCsvAndMarkdownShowTheSameCounts() throws Exception {
        String mix = dev.sysc.profile.KnownMixPath.get();
        Run table = profile("--", mix, "mix");
        Run csv = profile("--format", "csv", "--", mix, "mix");
        Run md = profile("--format", "markdown", "--", mix, "mix");

        assertThat(table.out())
                .contains(
                        "exit status 3",
                        "Crossing tax",
                        "getppid",
                        "1,100",
                        "measured:getppid",
                        "What the counts suggest:",
                        "sysc explain vdso");
        assertThat(csv.out())
                .startsWith("syscall,count,calls_per_s,unit_ns,unit_source,est_ns\n")
                .contains("\ngetppid,1100,")
                .contains(",100.000,measured:getppid,110000.000\n");
        assertThat(md.out()).contains("| getppid | 1,100 |", "`sysc explain vdso`");
        assertThat(List.of(table.exit(), csv.exit(), md.exit())).containsOnly(3);
    }

    @Test
    void withoutTheDoubleDashTheProgramsOwnOptionsStillBelongToIt() throws Exception {
        Run r = profile("--format", "json", "/bin/sh", "-c", "exit 5");

        assertThat(r.exit()).as(r.err()).isEqualTo(5);
        assertThat(JSON.std.mapFrom(r.out())).containsEntry("command", List.of("/bin/sh", "-c", "exit 5"));
    }

    @Test
    void aProgramKilledBySignalNineExits137() throws Exception {
        Run r = profile("--", dev.sysc.profile.KnownMixPath.get(), "killed");

        assertThat(r.exit()).isEqualTo(128 + 9);
        assertThat(r.out()).contains("exit status 137");
    }

    @Test
    void usageErrorsExitTwoBeforeTheProgramStarts() {
        Path marker = tmp.resolve("ran");
        String touch = "touch " + marker;

        assertThat(profile().exit()).isEqualTo(2);
        assertThat(profile("--for", "1s", "--", "/bin/sh", "-c", touch).exit()).isEqualTo(2);
        assertThat(profile("-p", "1", "--", "/bin/sh", "-c", touch).exit()).isEqualTo(2);
        assertThat(profile("--unit-time", "0", "--", "/bin/sh", "-c", touch).exit())
                .isEqualTo(2);
        Run notFound = profile("--", "no-such-program-sysc");
        assertThat(notFound.exit()).isEqualTo(2);
        assertThat(notFound.err()).isEqualTo("sysc profile: no-such-program-sysc: command not found on PATH\n");
        assertThat(marker).doesNotExist();
    }

    @Test
    void withoutPerfEventsStraceCountsAndTheReportSaysSo() throws Exception {
        Optional<Path> strace = findStrace();
        org.junit.jupiter.api.Assumptions.assumeTrue(strace.isPresent(), "strace is not installed");

        Run r = profile(perfRefused(strace), "--format", "json", "--", dev.sysc.profile.KnownMixPath.get(), "mix");

        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        Map<String, Object> doc = JSON.std.mapFrom(r.out());
        assertThat(doc).containsEntry("counting", "strace");
        assertThat((String) doc.get("counting_note")).contains("strace -f -c", "times are not used", "EACCES");
        assertThat(byName(doc, "getppid")).containsEntry("count", 1100);
        assertThat(byName(doc, "write")).containsEntry("count", 300);
    }

    @Test
    void withoutPerfEventsOrStraceOneLineSaysWhatToChange() {
        Path marker = tmp.resolve("ran");

        Run r = profile(perfRefused(Optional.empty()), "--", "/bin/sh", "-c", "touch " + marker);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .hasLineCount(1)
                .startsWith("sysc profile: cannot count system calls: ")
                .contains("sysctl kernel.perf_event_paranoid=-1", "install strace");
        assertThat(marker).doesNotExist();
    }

    @Test
    void attachesToARunningProcessForAWhile() throws Exception {
        Process p = new ProcessBuilder(dev.sysc.profile.KnownMixPath.get(), "loop", "1000000000").start();
        try {
            Run r = profile("--format", "json", "-p", Long.toString(p.pid()), "--for", "300ms");

            assertThat(r.exit()).as(r.err()).isZero();
            Map<String, Object> doc = JSON.std.mapFrom(r.out());
            assertThat(doc).containsEntry("exit_status", null).containsEntry("command", List.of());
            assertThat(doc.get("settings").toString()).contains("for=300ms", "pid=" + p.pid());
            assertThat(((Number) byName(doc, "getppid").get("count")).longValue())
                    .isPositive();
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void theUnitCostsAreCachedPerHostAndKernel() throws Exception {
        profile("--", "/bin/true");

        try (var files = Files.list(tmp.resolve("cache"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .singleElement()
                    .asString()
                    .startsWith("unit-costs-")
                    .endsWith(".tsv");
        }
    }

    private static Optional<Path> findStrace() {
        for (String dir : System.getenv("PATH").split(":")) {
            Path p = Path.of(dir, "strace");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
