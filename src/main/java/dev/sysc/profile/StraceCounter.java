package dev.sysc.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts with {@code strace -f -c}, for where perf events are not allowed. The counts are exact; the
 * times strace prints are not used (ptrace stops the program at every entry and exit, which inflates
 * them), and the program's own times are those of a traced run.
 */
public final class StraceCounter implements Counter {
    private final Path strace;

    public StraceCounter(Path strace) {
        this.strace = strace;
    }

    @Override
    public Counted launch(List<String> command) {
        return traced(List.of("-f"), command, null);
    }

    @Override
    public Counted attach(int pid, Duration duration) {
        if (!ProcessHandle.of(pid).isPresent()) {
            throw new ProfileUsageException("no process " + pid);
        }
        return traced(List.of("-f", "-p", Integer.toString(pid)), List.of(), duration);
    }

    private Counted traced(List<String> options, List<String> command, Duration duration) {
        Path summary;
        try {
            summary = Files.createTempFile("sysc-strace-", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make strace's summary file: " + e.getMessage(), e);
        }
        try {
            List<String> argv = new ArrayList<>(List.of(strace.toString(), "-c", "-o", summary.toString()));
            argv.addAll(options);
            if (!command.isEmpty()) {
                argv.add("--");
                argv.addAll(command);
            }
            Launcher.Finished f =
                    Launcher.run(argv, pid -> {}, duration == null ? () -> {} : () -> stopAfter(duration));
            return new Counted(
                    CountingMethod.STRACE,
                    parse(Files.readString(summary)),
                    duration == null ? f.status() : null,
                    f.wallNs(),
                    f.userNs(),
                    f.sysNs(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read strace's summary: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(summary);
            } catch (IOException e) {
                // A leftover temporary file harms nothing.
            }
        }
    }

    /** Ends an attached strace after {@code duration}: on SIGINT it detaches and writes its summary. */
    private static void stopAfter(Duration duration) {
        Thread stopper = new Thread(
                () -> {
                    try {
                        Thread.sleep(duration.toMillis());
                        ProcessHandle.current()
                                .children()
                                .filter(p -> p.info()
                                        .command()
                                        .map(c -> c.endsWith("strace"))
                                        .orElse(false))
                                .forEach(ProcessHandle::destroy);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "sysc-strace-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    /**
     * The calls column of strace -c's table: rows {@code % time, seconds, usecs/call, calls, [errors],
     * syscall}, between two rules of dashes, ending with a total row that is left out.
     */
    static Map<String, Long> parse(String table) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5 || !Character.isDigit(f[0].charAt(0))) {
                continue;
            }
            String name = f[f.length - 1];
            if (name.equals("total")) {
                continue;
            }
            try {
                counts.merge(name, Long.parseLong(f[3]), Long::sum);
            } catch (NumberFormatException e) {
                // Not a row of the table.
            }
        }
        return counts;
    }
}
