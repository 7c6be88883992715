package dev.sysc.profile;

import dev.sysc.os.ProcessTimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Starts a program with sysc's standard input, output and error, waits for it, and times it: wall
 * time from its release to its exit, user and system time from getrusage(RUSAGE_CHILDREN) across the
 * wait (the JVM starts no other children meanwhile).
 */
final class Launcher {
    /** How a program ended: its exit status (128+N for signal N, as the JDK reports it) and its times. */
    record Finished(int status, long wallNs, long userNs, long sysNs) {}

    private Launcher() {}

    /**
     * Runs {@code argv}; {@code started} gets the pid once the process exists, {@code release} then
     * lets it go on (a gate's FIFO is written there). Ctrl-C reaches the program (it is in the same
     * process group) and only the program: sysc ignores SIGINT and SIGQUIT until it has exited, so the
     * report is still written, as time(1) does.
     */
    @SuppressWarnings("try") // the signals stay ignored for the try block: the resource is its scope
    static Finished run(List<String> argv, LongConsumer started, Runnable release) {
        long[] before = ProcessTimes.waitedChildrenNs();
        Process process;
        try {
            process = new ProcessBuilder(argv).inheritIO().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv.get(0) + ": " + e.getMessage(), e);
        }
        try (SignalsIgnored ignored = SignalsIgnored.interactive()) {
            started.accept(process.pid());
            long t0 = System.nanoTime();
            release.run();
            int status = waitFor(process);
            long wall = System.nanoTime() - t0;
            long[] after = ProcessTimes.waitedChildrenNs();
            return new Finished(status, wall, after[0] - before[0], after[1] - before[1]);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static int waitFor(Process process) {
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                // The program decides when it ends; sysc waits for it.
                Thread.currentThread().interrupt();
                Thread.interrupted();
            }
        }
    }

    /**
     * Checks before anything starts that {@code name} can be run: an executable file when it holds a
     * slash, otherwise one found on PATH.
     */
    static void requireRunnable(String name, String pathVariable) {
        if (name.isEmpty()) {
            throw new ProfileUsageException("empty command name");
        }
        if (name.contains("/")) {
            Path p = Path.of(name);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new ProfileUsageException(
                        name + ": " + (Files.exists(p) ? "not an executable file" : "no such file"));
            }
            return;
        }
        String path = pathVariable == null ? "/usr/local/bin:/usr/bin:/bin" : pathVariable;
        if (Profiler.onPath(name, path).isPresent()) {
            return;
        }
        throw new ProfileUsageException(name + ": command not found on PATH");
    }
}
