package dev.sysc.os;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CPU time of processes, and the small pieces of process plumbing {@code sysc profile} needs. */
public final class ProcessTimes {
    private static final int RUSAGE_CHILDREN = -1;
    /** struct rusage is 144 bytes on x86-64; ru_utime and ru_stime are its first two struct timevals. */
    private static final int RUSAGE_SIZE = 144;
    /** USER_HZ: /proc reports CPU time in these ticks, 100 a second on every architecture Linux exports. */
    private static final long NS_PER_TICK = 10_000_000L;

    private ProcessTimes() {}

    /**
     * User and system time, in ns, of every child of this process that has been waited for
     * (getrusage(RUSAGE_CHILDREN)); the difference across one child's run is that child's time,
     * its own waited-for children included.
     */
    public static long[] waitedChildrenNs() {
        NativeMemory usage = NativeMemory.allocate(RUSAGE_SIZE);
        if (Bindings.process(CallPath.LIBC).getrusage(RUSAGE_CHILDREN, usage.address()) != 0) {
            throw new NativeCallException("getrusage(RUSAGE_CHILDREN)", Native.lastErrno());
        }
        return new long[] {timeval(usage, 0), timeval(usage, 16)};
    }

    private static long timeval(NativeMemory m, int offset) {
        return m.getLong(offset) * 1_000_000_000L + m.getLong(offset + 8) * 1_000L;
    }

    /** User and system time, in ns, of the running process {@code pid} (all its threads), from /proc/PID/stat. */
    public static long[] processNs(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return new long[] {Long.parseLong(f[11]) * NS_PER_TICK, Long.parseLong(f[12]) * NS_PER_TICK};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The thread ids of process {@code pid}; empty when it does not exist. */
    public static List<Integer> threads(int pid) {
        List<Integer> tids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks) {
                tids.add(Integer.parseInt(t.getFileName().toString()));
            }
        } catch (IOException | NumberFormatException e) {
            return List.of();
        }
        return tids;
    }

    /** Makes a FIFO at {@code path}, readable and writable by its owner only. */
    public static void mkfifo(Path path) {
        if (Bindings.profile().mkfifo(path.toString(), 0600) != 0) {
            throw new NativeCallException("mkfifo " + path, Native.lastErrno());
        }
    }
}
