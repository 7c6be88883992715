package dev.sysc.os;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ids of the {@code syscalls:sys_enter_NAME} tracepoints, read from tracefs
 * ({@code events/syscalls/sys_enter_NAME/id}; Documentation/trace/events.rst). perf_event_open takes
 * such an id as the config of a PERF_TYPE_TRACEPOINT event.
 */
public final class SyscallTracepoints {
    /** Where tracefs lives since 4.1, and where it appears under debugfs on older systems. */
    static final Path STANDARD = Path.of("/sys/kernel/tracing");

    private static final Path UNDER_DEBUGFS = Path.of("/sys/kernel/debug/tracing");
    private static final String PREFIX = "sys_enter_";

    private SyscallTracepoints() {}

    /**
     * System call name → tracepoint id. When no tracefs is mounted, mounts one at /sys/kernel/tracing
     * (as perf does), which only root may do.
     *
     * @throws PerfUnavailableException when there is no tracefs or no syscall tracepoints in it
     */
    public static Map<String, Integer> ids() {
        Path events = find();
        if (events == null) {
            mountTracefs();
            events = find();
        }
        if (events == null) {
            throw new PerfUnavailableException(
                    "the kernel has no syscall tracepoints (events/syscalls in tracefs)",
                    "use a kernel built with CONFIG_FTRACE_SYSCALLS");
        }
        return read(events);
    }

    /** The tracepoint ids under {@code events}, the events/syscalls directory of a tracefs. */
    static Map<String, Integer> read(Path events) {
        Map<String, Integer> ids = new TreeMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(events, PREFIX + "*")) {
            for (Path dir : dirs) {
                Path id = dir.resolve("id");
                if (Files.isReadable(id)) {
                    ids.put(
                            dir.getFileName().toString().substring(PREFIX.length()),
                            Integer.parseInt(Files.readString(id).trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new PerfUnavailableException(
                    "cannot read the syscall tracepoints in " + events + ": " + e.getMessage(),
                    "run as root (tracefs is readable by root only)");
        }
        if (ids.isEmpty()) {
            throw new PerfUnavailableException(
                    "cannot read the syscall tracepoint ids in " + events,
                    "run as root (tracefs is readable by root only)");
        }
        return ids;
    }

    private static Path find() {
        List<Path> roots = new ArrayList<>(List.of(STANDARD, UNDER_DEBUGFS));
        roots.addAll(mountPoints());
        for (Path root : roots) {
            Path events = root.resolve("events/syscalls");
            if (Files.isDirectory(events)) {
                return events;
            }
        }
        return null;
    }

    /** Every tracefs mount point in /proc/mounts (a container may mount it elsewhere). */
    private static List<Path> mountPoints() {
        List<Path> points = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
                String[] f = line.split(" ");
                if (f.length > 2 && f[2].equals("tracefs")) {
                    points.add(Path.of(f[1].replace("\\040", " ")));
                }
            }
        } catch (IOException e) {
            // No /proc/mounts: the standard places are all there is to look at.
        }
        return points;
    }

    private static void mountTracefs() {
        if (!Files.isDirectory(STANDARD)) {
            throw new PerfUnavailableException(
                    "no tracefs is mounted and " + STANDARD + " does not exist",
                    "mount tracefs (mount -t tracefs nodev /sys/kernel/tracing)");
        }
        if (Bindings.profile().mount("nodev", STANDARD.toString(), "tracefs", 0, 0) != 0) {
            int errno = Native.lastErrno();
            throw new PerfUnavailableException(
                    "no tracefs is mounted, and mounting one failed: " + Errnos.describe(errno),
                    "run as root, or mount tracefs (mount -t tracefs nodev /sys/kernel/tracing)");
        }
    }
}
