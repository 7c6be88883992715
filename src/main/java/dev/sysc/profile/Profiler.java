package dev.sysc.profile;

import dev.sysc.os.PerfUnavailableException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Picks how to count: perf events where the kernel allows them, else strace -f -c where it is
 * installed (with a note saying so), else a one-line error saying what to change.
 */
public final class Profiler {
    private final Supplier<Counter> perf;
    private final Supplier<Optional<Path>> strace;
    private final String pathVariable;
    private Counter chosen;
    private String note;

    /**
     * @param perf   the perf-event counter; throws {@link PerfUnavailableException} when not allowed
     *               (tests inject one that does)
     * @param strace where strace is, if anywhere
     */
    public Profiler(Supplier<Counter> perf, Supplier<Optional<Path>> strace, String pathVariable) {
        this.perf = perf;
        this.strace = strace;
        this.pathVariable = pathVariable;
    }

    /** The real thing: perf events on this kernel, strace from PATH. */
    public static Profiler live() {
        String path = System.getenv("PATH");
        return new Profiler(PerfCounter::check, () -> onPath("strace", path), path);
    }

    /**
     * Checks, before anything is measured or started, that the program can be run ({@code pid} null) or
     * that the process exists.
     *
     * @throws ProfileUsageException when not
     */
    public void check(Integer pid, List<String> command) {
        if (pid != null) {
            if (pid <= 0 || ProcessHandle.of(pid).isEmpty()) {
                throw new ProfileUsageException("-p " + pid + ": no such process");
            }
            return;
        }
        if (command.isEmpty()) {
            throw new ProfileUsageException("missing the command to profile (sysc profile -- CMD [ARGS...])");
        }
        Launcher.requireRunnable(command.get(0), pathVariable);
    }

    /** Runs {@code command} and counts it. The command is checked before anything starts. */
    public Counted launch(List<String> command) {
        check(null, command);
        return counting(c -> c.launch(command));
    }

    /** Counts the running process {@code pid} for {@code duration}. */
    public Counted attach(int pid, Duration duration) {
        check(pid, List.of());
        return counting(c -> c.attach(pid, duration));
    }

    private Counted counting(java.util.function.Function<Counter, Counted> work) {
        choose();
        Counted counted = work.apply(chosen);
        return note == null ? counted : counted.withNote(note);
    }

    /**
     * Decides how to count (once): perf events, or strace with a note saying why.
     *
     * @throws CountingUnavailableException when neither can
     */
    public synchronized void choose() {
        if (chosen != null) {
            return;
        }
        try {
            chosen = perf.get();
        } catch (PerfUnavailableException e) {
            Optional<Path> s = strace.get();
            if (s.isEmpty()) {
                throw new CountingUnavailableException(
                        "cannot count system calls: " + e.getMessage() + "; " + e.fix() + " (or install strace)");
            }
            chosen = new StraceCounter(s.get());
            note = "counted with strace -f -c because perf events are not available (" + e.getMessage()
                    + "); strace's times are not used, and the program ran slower under ptrace";
        }
    }

    /**
     * Whether an earlier sysc's perf events are still being released by the kernel (see
     * {@link dev.sysc.os.TracepointCounters#closeInBackground}); measuring or counting now would wait,
     * or include the slow entry path.
     */
    public static boolean previousReleasePending() {
        return dev.sysc.os.TracepointCounters.releaseInProgress();
    }

    /** Waits for that release, at most a minute. */
    public static void awaitPreviousRelease() {
        dev.sysc.os.TracepointCounters.awaitRelease(60_000);
    }

    /** {@code name} on {@code path}, if it is there and executable. */
    static Optional<Path> onPath(String name, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
