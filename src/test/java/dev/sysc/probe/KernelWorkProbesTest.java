package dev.sysc.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.os.Affinity;
import dev.sysc.os.Bindings;
import dev.sysc.os.Errnos;
import dev.sysc.os.InstalledHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the entries that make the kernel do real work leave behind and whether the work happens:
 * faults counted by the kernel, children reaped, threads joined, handlers and affinity restored.
 */
class KernelWorkProbesTest {
    @TempDir
    Path tmp;

    private Probe open(String id, Workspace workspace, LoopKind loop) {
        return Probes.open(Catalog.builtIn().resolve(id), workspace, loop);
    }

    private static void runs(Probe probe, int n) {
        assertThat(probe.run(n))
                .as("%s: %s", probe.call().id(), Errnos.describe(probe.errno()))
                .isEqualTo(n);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page_fault", "page_fault@raw", "page_fault_file", "page_fault_file@syscall"})
    void everyIterationTakesAPageFault(String id) throws IOException {
        try (Workspace workspace = new Workspace(tmp);
                Probe probe = open(id, workspace, LoopKind.NATIVE)) {
            runs(probe, 10);
            long before = minorFaults();
            runs(probe, 1000);
            assertThat(minorFaults() - before)
                    .as("minor faults of this thread over 1000 iterations")
                    .isGreaterThanOrEqualTo(1000);
        }
    }

    @ParameterizedTest
    @EnumSource(LoopKind.class)
    void spawnWaitReapsEveryChild(LoopKind loop) throws IOException {
        try (Workspace workspace = new Workspace(tmp);
                Probe probe = open("spawn_wait", workspace, loop)) {
            runs(probe, 20);
        }
        assertThat(dev.sysc.os.ChildProcesses.now())
                .as("children of this process, zombies included")
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LoopKind.class)
    void threadCreateJoinsEveryThread(LoopKind loop) throws IOException {
        int before = threads();
        try (Workspace workspace = new Workspace(tmp);
                Probe probe = open("thread_create", workspace, loop)) {
            runs(probe, 50);
            assertThat(threads()).as("threads after 50 created and joined").isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(LoopKind.class)
    void ctxSwitchRunsAPartnerOnOneCpuAndPutsEverythingBack(LoopKind loop) throws IOException {
        int[] cpus = Affinity.allowedCpus();
        int threads = threads();
        try (Workspace workspace = new Workspace(tmp);
                Probe probe = open("ctx_switch", workspace, loop)) {
            assertThat(Affinity.allowedCpus())
                    .as("the measuring thread is pinned")
                    .hasSize(1);
            assertThat(threads()).as("the partner thread runs").isEqualTo(threads + 1);
            runs(probe, 100);
        }
        assertThat(threads()).as("the partner was joined").isEqualTo(threads);
        assertThat(Affinity.allowedCpus())
                .as("the measuring thread's CPUs are given back")
                .isEqualTo(cpus);
    }

    @org.junit.jupiter.api.Test
    void ctxSwitchProbesClosedOutOfOrderStillGiveTheCpusBack() throws IOException {
        int[] cpus = Affinity.allowedCpus();
        try (Workspace workspace = new Workspace(tmp)) {
            Probe first = open("ctx_switch", workspace, LoopKind.NATIVE);
            Probe second = open("ctx_switch@raw", workspace, LoopKind.NATIVE);
            runs(first, 10);
            runs(second, 10);
            first.close();
            assertThat(Affinity.allowedCpus())
                    .as("still pinned while the second is open")
                    .hasSize(1);
            second.close();
        }
        assertThat(Affinity.allowedCpus()).isEqualTo(cpus);
    }

    @ParameterizedTest
    @ValueSource(strings = {"signal_roundtrip", "signal_roundtrip@syscall", "signal_roundtrip@raw"})
    void theSignalIsCaughtAndTheHandlerRestored(String id) throws IOException {
        int signal = Bindings.child().__libc_current_sigrtmin() + 5;
        assertThat(InstalledHandler.currentHandler(signal))
                .as("nobody handles the signal before")
                .isZero();
        try (Workspace workspace = new Workspace(tmp);
                Probe probe = open(id, workspace, LoopKind.NATIVE)) {
            assertThat(InstalledHandler.currentHandler(signal))
                    .as("a handler is installed")
                    .isGreaterThan(1);
            assertThat(caught()).as("SigCgt lists the signal").contains(signal);
            runs(probe, 100);
            assertThat(pending())
                    .as("nothing is left pending: every signal was delivered")
                    .doesNotContain(signal);
        }
        assertThat(InstalledHandler.currentHandler(signal))
                .as("the default disposition is back")
                .isZero();
    }

    /** This thread's minor page faults, field 10 of /proc/thread-self/stat. */
    private static long minorFaults() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[7]);
    }

    /**
     * Threads that carry this thread's name: a thread started with pthread_create inherits its creator's
     * name, while the JVM names its own threads (compiler threads come and go on their own).
     */
    private static int threads() throws IOException {
        String self = Files.readString(Path.of("/proc/thread-self/comm"));
        int count = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    if (Files.readString(t.resolve("comm")).equals(self)) {
                        count++;
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // the thread exited while we listed them
                }
            }
        }
        return count;
    }

    private static List<Integer> caught() throws IOException {
        return signals(statusField("/proc/self/status", "SigCgt:"));
    }

    private static List<Integer> pending() throws IOException {
        List<Integer> both = new ArrayList<>(signals(statusField("/proc/thread-self/status", "SigPnd:")));
        both.addAll(signals(statusField("/proc/self/status", "ShdPnd:")));
        return both;
    }

    private static String statusField(String file, String name) throws IOException {
        return Files.readAllLines(Path.of(file)).stream()
                .filter(l -> l.startsWith(name))
                .map(l -> l.substring(name.length()).trim())
                .findFirst()
                .orElseThrow();
    }

    /** The signal numbers set in a /proc status mask (bit n-1 is signal n). */
    private static List<Integer> signals(String hexMask) {
        java.math.BigInteger mask = new java.math.BigInteger(hexMask, 16);
        List<Integer> out = new ArrayList<>();
        for (int bit = 0; bit < mask.bitLength(); bit++) {
            if (mask.testBit(bit)) {
                out.add(bit + 1);
            }
        }
        return out;
    }
}
