package dev.sysc.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.sysc.host.HostInfo;
import dev.sysc.profile.Advice;
import dev.sysc.profile.CountingMethod;
import dev.sysc.profile.ProfileRun;
import dev.sysc.profile.SyscallCost;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile report from a hand-made run: figures, sentences, and the JSON contract. */
class ProfileReportTest {
    private static final HostInfo HOST = TestHosts.BOX;

    private static ProfileRun run(double floor, CountingMethod method, String note) {
        return new ProfileRun(
                "0.1.0",
                Instant.parse("2026-01-02T03:04:05Z"),
                HOST,
                List.of("dd", "count=2000"),
                null,
                null,
                Duration.ofMillis(20),
                0,
                2_000_000_000L,
                500_000_000L,
                1_000_000_000L,
                method,
                note,
                3000,
                floor,
                3000 * floor,
                List.of(
                        new SyscallCost("read", 2000, 1000, 200, "measured:read", 400_000),
                        new SyscallCost("exit_group", 1000, 500, floor, "floor", 1000 * floor)),
                List.of(new Advice("small-io", "2,000 read/write calls: batch them", "sysc batch write", 200_000.0)));
    }

    @Test
    void theTextFitsEightyAndOneHundredTwentyColumns() {
        for (int width : new int[] {80, 120}) {
            String t = ProfileReport.render(
                    run(
                            100,
                            CountingMethod.STRACE,
                            "counted with strace -f -c because perf events "
                                    + "were refused here, so the times strace prints are not used"),
                    Format.TABLE,
                    Style.NONE,
                    width);
            org.assertj.core.api.Assertions.assertThat(t.lines())
                    .allSatisfy(l -> org.assertj.core.api.Assertions.assertThat(l.length())
                            .as(l)
                            .isLessThanOrEqualTo(width));
            org.assertj.core.api.Assertions.assertThat(t.replaceAll("\\s*\\n\\s*", " "))
                    .contains("the time spent crossing into the kernel and back for those calls");
        }
    }

    @Test
    void theTableSaysWhatRanHowItWasCountedTheTaxAndTheAdvice() {
        // Wide: this is about what is said; the width test below is about where lines break.
        String t = ProfileReport.render(run(100, CountingMethod.PERF_EVENT, null), Format.TABLE, Style.NONE, 1000);

        assertThat(t)
                .contains(
                        "dd count=2000 — exit status 0",
                        "wall 2.00 s, user 500.00 ms, system 1.00 s",
                        "perf events on the syscalls:sys_enter_* tracepoints",
                        "3,000 system calls. Crossing tax 3,000 × 100.0 ns",
                        "= 300.0 µs: 0.0% of system time, 0.0% of wall time.",
                        "2,000 read/write calls: batch them (up to 200.0 µs to save) — measure it: sysc batch write");
        assertThat(t).containsPattern("read\\s+2,000\\s+1,000\\s+200.0\\s+measured:read\\s+400.0 µs");
        assertThat(t).containsPattern("total\\s+3,000\\s+1,500\\s+500.0 µs");
    }

    @Test
    void stracesNoteIsShown() {
        String t = ProfileReport.render(
                run(100, CountingMethod.STRACE, "counted with strace -f -c because x"), Format.TABLE, Style.NONE, 1000);

        assertThat(t).contains("Counted with strace -f -c", "Note: counted with strace -f -c because x.");
    }

    @Test
    void jsonFollowsTheContractAndAnUnmeasuredFloorIsNullNotNaN() throws Exception {
        Map<String, Object> doc = JSON.std.mapFrom(
                ProfileReport.render(run(Double.NaN, CountingMethod.PERF_EVENT, null), Format.JSON, Style.NONE));

        assertThat(doc.keySet())
                .containsSubsequence(
                        "schema",
                        "tool",
                        "timestamp",
                        "settings",
                        "host",
                        "command",
                        "exit_status",
                        "wall_ns",
                        "user_ns",
                        "sys_ns",
                        "counting",
                        "total_calls",
                        "crossing_floor_ns",
                        "crossing_tax_ns",
                        "syscalls",
                        "advice");
        assertThat(doc)
                .containsEntry("schema", "sysc/profile/v1")
                .containsEntry("counting", "perf_event")
                .containsEntry("crossing_floor_ns", null)
                .containsEntry("crossing_tax_ns", null)
                .containsEntry("timestamp", "2026-01-02T03:04:05Z");
        assertThat(doc.get("syscalls").toString()).contains("unit_source=floor, est_ns=null");
        assertThat(doc.get("advice").toString()).contains("id=small-io", "command=sysc batch write");
    }
}
