package dev.sysc.cli;

import dev.sysc.bench.CallResult;
import dev.sysc.bench.Defaults;
import dev.sysc.bench.LiveSession;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.exit.ExitCodes;
import dev.sysc.host.HostInfo;
import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.LoopKind;
import dev.sysc.profile.Counted;
import dev.sysc.profile.ProfileRun;
import dev.sysc.profile.ProfileUsageException;
import dev.sysc.profile.Profiler;
import dev.sysc.profile.Profiles;
import dev.sysc.profile.UnitCosts;
import dev.sysc.report.ProfileReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sysc profile -- CMD [ARGS...]} and {@code sysc profile -p PID}: a real program's system calls, counted and costed. */
@Command(
        name = "profile",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Count every system call a program and its children make, by name, with the kernel's own "
                    + "counters (perf events on the syscalls:sys_enter_* tracepoints: exact, no ptrace; each call costs "
                    + "the program some extra ns in the kernel's slow entry path), and cost them with this machine's "
                    + "measured unit costs.",
            "CMD runs with sysc's standard input, output and error; the first word that is not an option "
                    + "starts it (-- also does). The report follows "
                    + "on standard output once it exits (use -o FILE to keep them apart).",
            "Where perf events are not allowed, strace -f -c counts instead (its times are not used); "
                    + "without strace, one line says what to change.",
            "Unit costs are measured once per host and kernel (a few seconds) and cached in "
                    + "$XDG_CACHE_HOME/sysc (default ~/.cache/sysc).",
            "Exit status: the program's own (128+N when signal N killed it), like time(1); 2 for a usage "
                    + "error, before anything runs; 1 when nothing can count system calls here."
        },
        footer = {
            "",
            "Examples:",
            "  sysc profile -- ls -R /usr/share",
            "  sysc profile --format json -o p.json -- git status",
            "  sysc profile -p 1234 --for 10s"
        })
public final class ProfileCommand implements Callable<Integer> {

    static final Duration UNIT_TIME = Defaults.PROFILE_UNIT_TIME;
    private static final Duration DEFAULT_FOR = Defaults.PROFILE_ATTACH_FOR;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "CMD", description = "The program to run and its arguments (after --).")
    List<String> command = List.of();

    @Option(
            names = {"-p", "--pid"},
            paramLabel = "PID",
            description = "Count a running process instead (every thread, new ones included).")
    Integer pid;

    @Option(
            names = "--for",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "With -p: how long to count, e.g. 500ms, 10s (default: 10s; counting ends sooner if "
                    + "the process exits).")
    Duration duration;

    @Option(
            names = "--unit-time",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Measuring time of each unit cost not yet cached (default: 20ms).")
    Duration unitTime = UNIT_TIME;

    @Mixin
    OutputOptions output;

    private final Profiler profiler;
    private final UnitCosts.Measurer measurer;
    private final Path cacheDir;

    public ProfileCommand() {
        this(null, null, null);
    }

    /** With these counters, unit-cost measurer and cache directory (each null for the real one): tests inject them. */
    ProfileCommand(Profiler profiler, UnitCosts.Measurer measurer, Path cacheDir) {
        this.profiler = profiler;
        this.measurer = measurer;
        this.cacheDir = cacheDir;
    }

    @Override
    public Integer call() {
        validate();
        Output out = new Output(spec.commandLine().getOut(), output);
        out.check();
        Profiler chosen = profiler != null ? profiler : Profiler.live();
        try {
            chosen.check(pid, command);
        } catch (ProfileUsageException e) {
            throw new UsageException(e.getMessage());
        }
        if (profiler == null && Profiler.previousReleasePending()) {
            if (!output.quiet) {
                spec.commandLine()
                        .getErr()
                        .println("sysc profile: waiting for the kernel to release the previous "
                                + "profile's perf events (about 10 s after it)...");
                spec.commandLine().getErr().flush();
            }
            Profiler.awaitPreviousRelease();
        }
        ProfileRun run = LiveRunner.session(spec, output, session -> profile(session, chosen));
        out.write(ProfileReport.render(run, output.format(), output.style(), output.width()));
        return run.exitStatus() != null ? run.exitStatus() : ExitCodes.OK;
    }

    /** Unit costs (cached, or measured in {@code session}), then the program's calls counted. */
    private ProfileRun profile(LiveSession session, Profiler chosen) {
        HostInfo host = session.host();
        UnitCosts costs = new UnitCosts(
                Catalog.builtIn(),
                measurer != null ? measurer : calls -> measure(session, calls),
                UnitCosts.cacheFile(cacheDir != null ? cacheDir : defaultCacheDir(), host.hostname(), host.kernel()));
        // Unit costs before any perf event is opened (choosing the counter opens some): while one is open
        // on a syscall tracepoint, every system call on the machine takes the kernel's slow entry path,
        // and measuring then would include it.
        costs.prepare();
        chosen.choose();
        Counted counted;
        try {
            counted = pid != null
                    ? chosen.attach(pid, duration != null ? duration : DEFAULT_FOR)
                    : chosen.launch(command);
        } catch (ProfileUsageException e) {
            throw new UsageException(e.getMessage());
        } finally {
            if (profiler == null) {
                // Tests keep them, so that each profile does not wait for the previous one's release.
                dev.sysc.profile.PerfCounter.releaseTracepoints();
            }
        }
        Profiles.Target target = new Profiles.Target(
                pid != null ? List.of() : command,
                pid,
                pid != null ? (duration != null ? duration : DEFAULT_FOR) : null,
                unitTime);
        return Profiles.build(
                VersionProvider.version(),
                Instant.now(),
                host,
                target,
                counted,
                costs.costs(counted.counts().keySet()));
    }

    private void validate() {
        if (pid != null && !command.isEmpty()) {
            throw new UsageException("give either -p PID or a command, not both");
        }
        if (pid == null && command.isEmpty()) {
            throw new UsageException("missing the command to profile (sysc profile -- CMD [ARGS...], or -p PID)");
        }
        if (duration != null && pid == null) {
            throw new UsageException("--for applies to -p PID only (a command is counted until it exits)");
        }
        if (duration != null && duration.isZero()) {
            throw new UsageException("--for must be longer than 0");
        }
        if (unitTime.isZero()) {
            throw new UsageException("--unit-time must be longer than 0");
        }
    }

    /** The catalog calls' net cost per call, measured on the native loop for a short while each. */
    private Map<String, Double> measure(LiveSession session, List<CallRef> calls) {
        MeasureSpec quick = new MeasureSpec(unitTime, unitTime.dividedBy(2), 0, -1, true, LoopKind.NATIVE);
        List<CallResult> results = session.runner(LoopKind.NATIVE)
                .measure(calls, quick, session.host().vdsoClockUsable());
        Map<String, Double> medians = new HashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            CallResult r = results.get(i);
            if (r.ok() && r.net() != null) {
                medians.put(calls.get(i).id(), Math.max(0, r.net().median()));
            }
        }
        return medians;
    }

    /** $XDG_CACHE_HOME/sysc, or ~/.cache/sysc (XDG Base Directory Specification). */
    static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("sysc");
    }
}
