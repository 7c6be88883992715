package dev.sysc.bench;

import dev.sysc.host.HostInfo;
import dev.sysc.os.Platform;
import dev.sysc.probe.CallRef;
import dev.sysc.probe.LoopKind;
import dev.sysc.probe.Probe;
import dev.sysc.probe.Probes;
import dev.sysc.probe.Workspace;
import dev.sysc.stats.Summary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Everything a command needs to measure on this machine, set up once: the platform checked, the host
 * read once (its snapshot goes into the run record and decides the vDSO path), sysc's workspace for
 * the file-based calls made on first use and removed on {@link #close}, and one progress listener for
 * every engine the command runs. Commands open one per run and never reach the operating system
 * themselves.
 */
public final class LiveSession implements AutoCloseable {
    private final MeasureListener progress;
    private HostInfo host;
    private Workspace workspace;

    private LiveSession(MeasureListener progress) {
        this.progress = progress;
    }

    /**
     * @param progress told of each sample ({@link MeasureListener#NONE} for no progress line)
     * @throws Platform.UnsupportedPlatformException (exit 1) off Linux x86-64
     */
    public static LiveSession open(MeasureListener progress) {
        Platform.requireSupported();
        return new LiveSession(progress);
    }

    /** This machine's snapshot, read on first use and kept: a command describes one host. */
    public synchronized HostInfo host() {
        if (host == null) {
            host = Machine.host();
        }
        return host;
    }

    public MeasureListener progress() {
        return progress;
    }

    /** The catalog's calls on {@code loop}, prepared in this session's workspace. */
    public Runner runner(LoopKind loop) {
        return Runner.live(workspace(), loop, progress);
    }

    /** A sampler for engines that time their own probes (batch workloads, experiments). */
    public ProbeSampler sampler() {
        return new ProbeSampler(Timer.SYSTEM, progress);
    }

    /** Opens a catalog call's probe on {@code loop}: the batch engine's FFI baselines. */
    public Function<CallRef, Probe> probes(LoopKind loop) {
        return call -> Probes.open(call, workspace(), loop);
    }

    /**
     * What measure and compare both do: sample with {@code work} on this host, then measure the
     * Java-to-C bridge, and put it all in one run record.
     */
    public MeasureRun measureRun(
            String version, MeasureSpec spec, BiFunction<Runner, HostInfo, List<CallResult>> work) {
        Runner runner = runner(spec.loop());
        List<CallResult> results = work.apply(runner, host());
        return new MeasureRun(version, Instant.now(), host(), spec, results, bridge(runner, spec, results));
    }

    /**
     * {@code calls} timed side by side on the native loop, as explain shows them: the crossings measured
     * natively, as a C program makes them, and ffi-noop standing for the Java-to-C bridge (what a Java
     * caller pays on top of each crossing, measured on the Java loop), in the order given.
     */
    public List<CallResult> sideBySide(List<CallRef> calls, MeasureSpec spec) {
        Runner runner = runner(LoopKind.NATIVE);
        List<CallRef> crossings = new ArrayList<>();
        for (CallRef c : calls) {
            if (!c.name().equals(BRIDGE)) {
                crossings.add(c);
            }
        }
        List<CallResult> measured = runner.measure(crossings, spec, host().vdsoClockUsable());
        List<CallResult> results = new ArrayList<>();
        int next = 0;
        for (CallRef c : calls) {
            if (c.name().equals(BRIDGE)) {
                results.add(runner.bridge(spec)
                        .orElseGet(() -> CallResult.failed(
                                BRIDGE, "libc", false, 0, 0, "the Java-to-C bridge could not be measured")));
            } else {
                results.add(measured.get(next++));
            }
        }
        return results;
    }

    /** The catalog entry that is the Java-to-C bridge alone: a native call that does nothing. */
    private static final String BRIDGE = "ffi-noop";

    /**
     * The bridge's cost per call, measured after native-loop results (which leave it out); null on the
     * Java loop, where the baseline is that cost, or when nothing was measured natively.
     */
    private static Summary bridge(Runner runner, MeasureSpec spec, List<CallResult> results) {
        boolean anyNative = results.stream().anyMatch(r -> LoopKind.NATIVE.id().equals(r.loop()));
        return anyNative ? runner.bridge(spec).map(CallResult::net).orElse(null) : null;
    }

    synchronized Workspace workspace() {
        if (workspace == null) {
            workspace = new Workspace();
        }
        return workspace;
    }

    /** Removes the workspace, if one was made. */
    @Override
    public synchronized void close() {
        if (workspace != null) {
            workspace.close();
        }
    }
}
