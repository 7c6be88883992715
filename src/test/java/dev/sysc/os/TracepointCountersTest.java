package dev.sysc.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real perf events on real tracepoints, counting this thread's own system calls. */
class TracepointCountersTest {
    @TempDir
    Path tmp;

    @Test
    void countsExactlyTheCallsThisThreadMakesFromNowOn() {
        Map<String, Integer> ids = SyscallTracepoints.ids();
        ProcessCalls process = Bindings.process(CallPath.LIBC);
        process.getppid(); // bound and warmed before counting starts
        int tid = process.gettid();

        try (TracepointCounters counters = TracepointCounters.attach(
                List.of(tid), Map.of("getppid", ids.get("getppid"), "getpgrp", ids.get("getpgrp")))) {
            for (int i = 0; i < 250; i++) {
                process.getppid();
            }
            process.getpgrp();

            assertThat(counters.read()).containsExactlyInAnyOrderEntriesOf(Map.of("getppid", 250L, "getpgrp", 1L));
        }
    }

    @Test
    void eventsOpenedForAnExecCountNothingBeforeIt() {
        Map<String, Integer> ids = SyscallTracepoints.ids();
        ProcessCalls process = Bindings.process(CallPath.LIBC);
        process.getppid();

        // This JVM never execs again: enable_on_exec never fires, so nothing is counted.
        try (TracepointCounters counters =
                TracepointCounters.fromExec(process.gettid(), Map.of("getppid", ids.get("getppid")))) {
            process.getppid();

            assertThat(counters.read()).isEmpty();
        }
    }

    @Test
    void readsTheIdsOfTheSysEnterTracepointsOnly() throws IOException {
        Files.createDirectories(tmp.resolve("sys_enter_read"));
        Files.writeString(tmp.resolve("sys_enter_read/id"), "641\n");
        Files.createDirectories(tmp.resolve("sys_exit_read"));
        Files.writeString(tmp.resolve("sys_exit_read/id"), "640\n");

        assertThat(SyscallTracepoints.read(tmp)).containsExactly(Map.entry("read", 641));
    }

    @Test
    void aTracefsWithoutSyscallTracepointsSaysWhatToChange() {
        assertThatThrownBy(() -> SyscallTracepoints.read(tmp))
                .isInstanceOf(PerfUnavailableException.class)
                .hasMessageContaining("cannot read the syscall tracepoint ids")
                .satisfies(e -> assertThat(((PerfUnavailableException) e).fix()).contains("root"));
    }

    @Test
    void theRealTracefsHasTheCallsProfilesNeed() {
        assertThat(SyscallTracepoints.ids())
                .containsKeys("read", "write", "getppid", "clock_gettime", "execve")
                .hasSizeGreaterThan(250);
    }
}
