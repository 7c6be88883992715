package dev.sysc.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One counting perf event per system-call tracepoint and thread (perf_event_open(2), counting mode:
 * no sampling, no ring buffer, so the kernel only adds one to a counter at each entry). With
 * {@code inherit} every thread and process the counted task creates later is counted too, and the
 * children's counts are added to the parent's event when they exit (kernel/events/core.c,
 * perf_event_exit_event), so reading the parent's events gives the whole tree.
 */
public final class TracepointCounters implements AutoCloseable {
    private static final int PERF_TYPE_TRACEPOINT = 2;
    /** PERF_ATTR_SIZE_VER0: the first 64 bytes hold every field a counting tracepoint event needs. */
    private static final int ATTR_SIZE = 64;

    private static final long DISABLED = 1L;
    private static final long INHERIT = 1L << 1;
    private static final long ENABLE_ON_EXEC = 1L << 12;
    private static final long PERF_FLAG_FD_CLOEXEC = 8;
    private static final int PERF_EVENT_OPEN = SyscallNumbers.of("perf_event_open");

    private final Map<String, List<Integer>> fds;
    private final NativeMemory buffer = NativeMemory.allocate(8);
    private boolean closed;

    private TracepointCounters(Map<String, List<Integer>> fds) {
        this.fds = fds;
    }

    /**
     * Counts the process {@code pid} from its next execve on: the events start disabled and the
     * kernel enables them at exec (enable_on_exec), so what a launcher does before it is left out.
     */
    public static TracepointCounters fromExec(int pid, Map<String, Integer> tracepoints) {
        return open(List.of(pid), tracepoints, DISABLED | INHERIT | ENABLE_ON_EXEC, false);
    }

    /**
     * Counts the threads {@code tids} of a running process from now on, and every thread they create;
     * a thread that has exited since it was listed is skipped.
     */
    public static TracepointCounters attach(List<Integer> tids, Map<String, Integer> tracepoints) {
        return open(tids, tracepoints, INHERIT, true);
    }

    private static TracepointCounters open(
            List<Integer> tids, Map<String, Integer> tracepoints, long flags, boolean skipExited) {
        Map<String, List<Integer>> fds = new LinkedHashMap<>();
        TracepointCounters counters = new TracepointCounters(fds);
        NativeMemory attr = NativeMemory.allocate(ATTR_SIZE);
        attr.putInt(0, PERF_TYPE_TRACEPOINT);
        attr.putInt(4, ATTR_SIZE);
        attr.putLong(40, flags);
        Syscalls sys = Bindings.syscalls();
        try {
            for (Map.Entry<String, Integer> tp : tracepoints.entrySet()) {
                attr.putLong(8, tp.getValue());
                List<Integer> opened = new ArrayList<>(tids.size());
                fds.put(tp.getKey(), opened);
                for (int tid : tids) {
                    long fd = sys.syscall(PERF_EVENT_OPEN, attr.address(), tid, -1, -1, PERF_FLAG_FD_CLOEXEC);
                    if (fd < 0 && skipExited && "ESRCH".equals(Errnos.name(Native.lastErrno()))) {
                        continue;
                    }
                    if (fd < 0) {
                        throw refused(Native.lastErrno(), tid);
                    }
                    opened.add((int) fd);
                }
            }
        } catch (RuntimeException e) {
            counters.close();
            throw e;
        }
        return counters;
    }

    /** Each system call's count so far, summed over the threads counted; calls never made are left out. */
    public Map<String, Long> read() {
        FileCalls file = Bindings.file(CallPath.LIBC);
        Map<String, Long> counts = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> e : fds.entrySet()) {
            long sum = 0;
            for (int fd : e.getValue()) {
                if (file.read(fd, buffer.address(), 8) != 8) {
                    throw new NativeCallException("read of the perf event for " + e.getKey(), Native.lastErrno());
                }
                sum += buffer.getLong(0);
            }
            if (sum > 0) {
                counts.put(e.getKey(), sum);
            }
        }
        return counts;
    }

    /**
     * Keeps every tracepoint registered with perf for as long as sysc runs: one disabled event per
     * tracepoint on sysc's own thread, which never counts. Releasing the last perf event of a
     * tracepoint waits for an RCU grace period (perf_trace_event_unreg calls
     * tracepoint_synchronize_unregister, under event_mutex): some 30 ms each, over 10 s for every
     * system call. With the anchors held, closing a profile's events never releases the last one.
     */
    public static TracepointCounters anchor(Map<String, Integer> tracepoints) {
        return open(List.of(0), tracepoints, DISABLED, false);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        FileCalls file = Bindings.file(CallPath.LIBC);
        for (List<Integer> list : fds.values()) {
            for (int fd : list) {
                file.close(fd);
            }
        }
    }

    /**
     * Closes the events without waiting for the kernel to unregister them: the descriptors are handed
     * to a short-lived shell that inherits them, and the kernel releases them when it exits, in the
     * background, after sysc has exited. Where that shell cannot start, they are closed here.
     */
    public void closeInBackground() {
        if (closed) {
            return;
        }
        List<Integer> all = new ArrayList<>();
        fds.values().forEach(all::addAll);
        handOver(all);
        close();
    }

    private static final int F_SETFD = 2;
    private static final int FD_CLOEXEC = 1;
    private static final String SHELL = "/bin/sh";
    /**
     * The releasing process: standard input, output and error on /dev/null at once (so that nobody
     * reading sysc's output waits for it), then a pause long enough for sysc to have closed its own
     * copies of the descriptors, so that the last reference, and with it the slow release, is there.
     */
    private static final String RELEASER_SCRIPT = "exec </dev/null >/dev/null 2>&1; exec sleep 2";

    /** Starts the releasing shell with {@code fds} inheritable, so that it holds the last reference to each. */
    private static void handOver(List<Integer> fds) {
        if (!Files.isExecutable(Path.of(SHELL))) {
            return;
        }
        ProfileCalls calls = Bindings.profile();
        for (int fd : fds) {
            calls.fcntl(fd, F_SETFD, 0);
        }
        List<NativeMemory> args = List.of(
                NativeMemory.cString(SHELL),
                NativeMemory.cString("-c"),
                NativeMemory.cString(RELEASER_SCRIPT),
                NativeMemory.cString("sysc-perf-release"));
        NativeMemory argv = NativeMemory.allocate(8 * (args.size() + 1));
        for (int i = 0; i < args.size(); i++) {
            argv.putLong(8L * i, args.get(i).address());
        }
        NativeMemory envp = NativeMemory.allocate(8);
        NativeMemory pid = NativeMemory.allocate(4);
        // Nobody waits for it: it is reaped by init once sysc has exited.
        if (calls.posix_spawn(pid.address(), SHELL, 0, 0, argv.address(), envp.address()) == 0) {
            try {
                Files.writeString(MARKER, Integer.toString(pid.getInt(0)));
            } catch (IOException e) {
                // Without the marker a later profile cannot tell why it waits; it still works.
            }
        }
        for (int fd : fds) {
            calls.fcntl(fd, F_SETFD, FD_CLOEXEC);
        }
    }

    /** Where the pid of the last releasing process is kept, one file per user. */
    private static final Path MARKER = Path.of(
            System.getProperty("java.io.tmpdir"), "sysc-perf-release-" + System.getProperty("user.name") + ".pid");

    /**
     * Whether a releasing process started by an earlier sysc is still letting go of its events: then
     * the syscall tracepoints are still registered (every system call takes the slow entry path) and
     * opening new events waits on the kernel's event_mutex.
     */
    public static boolean releaseInProgress() {
        try {
            String pid = Files.readString(MARKER).trim();
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // "pid (comm) state ...": the releasing shell has become sleep; a zombie has released everything.
            return stat.contains("(sleep) ") && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Waits, at most {@code maxMillis}, until no releasing process is left. */
    public static void awaitRelease(long maxMillis) {
        long deadline = System.nanoTime() + maxMillis * 1_000_000L;
        while (releaseInProgress() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static RuntimeException refused(int errno, int tid) {
        String name = Errnos.name(errno);
        if ("EACCES".equals(name) || "EPERM".equals(name)) {
            return new PerfUnavailableException(
                    "perf_event_open refused to count system calls (" + Errnos.describe(errno)
                            + "; kernel.perf_event_paranoid is " + paranoid() + ")",
                    "run as root, or sysctl kernel.perf_event_paranoid=-1");
        }
        if ("ENOENT".equals(name) || "ENODEV".equals(name) || "ENOSYS".equals(name) || "EOPNOTSUPP".equals(name)) {
            return new PerfUnavailableException(
                    "this kernel cannot count tracepoints with perf events (" + Errnos.describe(errno) + ")",
                    "use a kernel with CONFIG_PERF_EVENTS and CONFIG_FTRACE_SYSCALLS");
        }
        if ("ESRCH".equals(name)) {
            return new NativeCallException("perf_event_open on thread " + tid + " (it has exited)", errno);
        }
        if ("EMFILE".equals(name) || "ENFILE".equals(name)) {
            return new NativeCallException(
                    "perf_event_open (one descriptor per system call and thread; raise ulimit -n)", errno);
        }
        return new NativeCallException("perf_event_open", errno);
    }

    private static String paranoid() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/perf_event_paranoid"))
                    .trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
