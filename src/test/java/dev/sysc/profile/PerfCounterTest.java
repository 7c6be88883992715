package dev.sysc.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real programs counted with perf events: every count asserted is exact by construction. */
@org.junit.jupiter.api.Tag("slow")
class PerfCounterTest {
    private static final PerfCounter PERF = PerfCounter.check();

    @Test
    void countsAKnownMixOfCallsAndTheForkedChildAndKeepsTheExitStatus() throws Exception {
        Counted c = PERF.launch(List.of(KnownMix.path(), "mix"));

        assertThat(c.method()).isEqualTo(CountingMethod.PERF_EVENT);
        assertThat(c.exitStatus()).isEqualTo(3);
        assertThat(c.counts())
                .containsEntry("getppid", 1100L)
                .containsEntry("write", 300L)
                .containsEntry("clock_gettime", 200L)
                .containsEntry("wait4", 1L)
                .containsEntry("exit_group", 2L);
        // The start-up calls of a dynamically linked program (loader, libc) and nothing of the gate's
        // shell: its read of the FIFO, the exec that started counting, never appear.
        assertThat(c.counts()).doesNotContainKey("execve");
        assertThat(c.counts().keySet()).isSubsetOf(startUpCalls());
        assertThat(c.wallNs()).isPositive();
        assertThat(c.userNs()).isNotNegative();
        assertThat(c.sysNs()).isNotNegative();
    }

    /** The calls the mix makes: its own, and those of a dynamically linked program starting and ending. */
    private static List<String> startUpCalls() {
        return List.of(
                "getppid",
                "write",
                "clock_gettime",
                "wait4",
                "exit_group",
                "openat",
                "clone",
                "clone3",
                "brk",
                "mmap",
                "munmap",
                "mprotect",
                "close",
                "read",
                "pread64",
                "newfstatat",
                "fstat",
                "access",
                "arch_prctl",
                "set_tid_address",
                "set_robust_list",
                "rseq",
                "prlimit64",
                "getrandom",
                "rt_sigaction",
                "rt_sigprocmask",
                "futex",
                "exit");
    }

    @Test
    void countsEveryThread() throws Exception {
        Counted c = PERF.launch(List.of(KnownMix.path(), "threads"));

        assertThat(c.exitStatus()).isZero();
        assertThat(c.counts()).containsEntry("getppid", 1000L);
    }

    @Test
    void countsAcrossAnExecChainButNotTheGatesOwnExec() {
        Counted c = PERF.launch(List.of("/bin/sh", "-c", "/bin/true; /bin/true"));

        // The gate's exec of sh turned counting on; sh then forks and execs /bin/true twice.
        assertThat(c.counts()).containsEntry("execve", 2L);
        assertThat(c.exitStatus()).isZero();
    }

    @Test
    void aProgramKilledByASignalGives128PlusItsNumberAndItsCallsSoFar() throws Exception {
        Counted c = PERF.launch(List.of(KnownMix.path(), "killed"));

        assertThat(c.exitStatus()).isEqualTo(128 + 9);
        assertThat(c.counts()).containsEntry("getppid", 100L).containsEntry("kill", 1L);
    }

    @Test
    void ddWithAKnownCountReadsAndWritesAtLeastThatOften() {
        Counted c = PERF.launch(List.of("dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=1000", "status=none"));

        assertThat(c.counts().get("read")).isGreaterThanOrEqualTo(1000L);
        assertThat(c.counts().get("write")).isGreaterThanOrEqualTo(1000L);
    }

    @Test
    void attachCountsARunningProcessForAWhile() throws Exception {
        Process p = new ProcessBuilder(KnownMix.path(), "loop", "1000000000").start();
        try {
            Counted c = PERF.attach((int) p.pid(), Duration.ofMillis(200));

            assertThat(c.exitStatus()).isNull();
            assertThat(c.counts().get("getppid")).isPositive();
            assertThat(c.wallNs()).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void attachToAProcessThatIsGoneIsAUsageError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> PERF.attach(Integer.MAX_VALUE - 1, Duration.ofMillis(10)))
                .isInstanceOf(ProfileUsageException.class);
    }
}
