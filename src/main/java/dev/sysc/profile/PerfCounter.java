package dev.sysc.profile;

import dev.sysc.os.PerfUnavailableException;
import dev.sysc.os.ProcessTimes;
import dev.sysc.os.SyscallTracepoints;
import dev.sysc.os.TracepointCounters;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts with perf events on the syscalls:sys_enter_* tracepoints: one counting event per system
 * call, inherited by every thread and child, so the program runs at nearly full speed.
 *
 * <p>The program starts behind a gate: {@code sh -c 'read _ < FIFO; exec "$@"'}. The events are
 * opened on the shell's pid, disabled, with enable_on_exec; then the FIFO is written, the shell's
 * {@code read} returns and its {@code exec} both replaces it by the program and turns the counters on.
 * The gate's own calls are therefore never counted, and nothing is missed between start and count.
 */
public final class PerfCounter implements Counter {
    static final String GATE = "read _ < \"$0\"; exec \"$@\"";
    private final Map<String, Integer> tracepoints;

    private PerfCounter(Map<String, Integer> tracepoints) {
        this.tracepoints = tracepoints;
    }

    /**
     * A counter, once tracefs has been found and the anchors opened on sysc itself show that the
     * kernel allows perf events on its tracepoints.
     *
     * @throws PerfUnavailableException when it does not
     */
    public static PerfCounter check() {
        Map<String, Integer> ids = SyscallTracepoints.ids();
        // The anchors are events on sysc itself: opening them is the test that the kernel allows them.
        Anchors.hold(ids);
        return new PerfCounter(ids);
    }

    /**
     * The tracepoints held registered while sysc runs ({@link TracepointCounters#anchor}), handed to a
     * releasing process when the JVM exits so that neither a profile nor sysc's exit waits for the kernel.
     */
    private static final class Anchors {
        private static TracepointCounters held;

        static synchronized void hold(Map<String, Integer> ids) {
            if (held == null) {
                held = TracepointCounters.anchor(ids);
                Runtime.getRuntime().addShutdownHook(new Thread(Anchors::release, "sysc-perf-release"));
            }
        }

        static synchronized void release() {
            if (held != null) {
                held.closeInBackground();
                held = null;
            }
        }
    }

    /**
     * Lets go of the tracepoints now rather than when the JVM exits: in the shell, a later measurement
     * in the same JVM would otherwise pay the slow entry path they keep switched on.
     */
    public static void releaseTracepoints() {
        Anchors.release();
    }

    @Override
    public Counted launch(List<String> command) {
        Path dir;
        try {
            dir = Files.createTempDirectory("sysc-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the start gate's directory: " + e.getMessage(), e);
        }
        Path fifo = dir.resolve("gate");
        try {
            ProcessTimes.mkfifo(fifo);
            List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", GATE, fifo.toString()));
            argv.addAll(command);
            TracepointCounters[] counters = new TracepointCounters[1];
            try {
                Launcher.Finished f = Launcher.run(
                        argv,
                        pid -> counters[0] = TracepointCounters.fromExec((int) pid, tracepoints),
                        () -> open(fifo));
                return new Counted(
                        CountingMethod.PERF_EVENT,
                        counters[0].read(),
                        f.status(),
                        f.wallNs(),
                        f.userNs(),
                        f.sysNs(),
                        null);
            } finally {
                if (counters[0] != null) {
                    counters[0].close();
                }
            }
        } finally {
            try {
                Files.deleteIfExists(fifo);
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // A leftover empty FIFO in the temporary directory harms nothing.
            }
        }
    }

    /** Opens the gate: the shell's read of one line returns and it execs the program. */
    private static void open(Path fifo) {
        try (OutputStream out = Files.newOutputStream(fifo)) {
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the start gate " + fifo + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Counted attach(int pid, Duration duration) {
        List<Integer> tids = ProcessTimes.threads(pid);
        if (tids.isEmpty()) {
            throw new ProfileUsageException("no process " + pid);
        }
        long[] cpuBefore = ProcessTimes.processNs(pid);
        long t0 = System.nanoTime();
        List<TracepointCounters> all = new ArrayList<>();
        try {
            all.add(TracepointCounters.attach(tids, tracepoints));
            // Threads started while the first ones were being opened are not children of an event yet:
            // look again until every thread has its events.
            Set<Integer> counted = new HashSet<>(tids);
            for (int round = 0; round < 10; round++) {
                List<Integer> fresh = new ArrayList<>(ProcessTimes.threads(pid));
                fresh.removeAll(counted);
                if (fresh.isEmpty()) {
                    break;
                }
                all.add(TracepointCounters.attach(fresh, tracepoints));
                counted.addAll(fresh);
            }
            long deadline = t0 + duration.toNanos();
            while (System.nanoTime() < deadline
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                sleep(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
            long wall = System.nanoTime() - t0;
            long[] cpuAfter = ProcessTimes.processNs(pid);
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (TracepointCounters c : all) {
                c.read().forEach((k, v) -> counts.merge(k, v, Long::sum));
            }
            boolean known = cpuBefore != null && cpuAfter != null;
            return new Counted(
                    CountingMethod.PERF_EVENT,
                    counts,
                    null,
                    wall,
                    known ? cpuAfter[0] - cpuBefore[0] : -1,
                    known ? cpuAfter[1] - cpuBefore[1] : -1,
                    null);
        } finally {
            all.forEach(TracepointCounters::close);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
