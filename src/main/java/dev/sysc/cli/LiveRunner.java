package dev.sysc.cli;

import dev.sysc.bench.CallResult;
import dev.sysc.bench.Machine;
import dev.sysc.bench.MeasureListener;
import dev.sysc.bench.MeasureRun;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.bench.Runner;
import dev.sysc.host.HostInfo;
import dev.sysc.probe.LoopKind;
import dev.sysc.probe.Workspace;
import dev.sysc.stats.Summary;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs real measurements for a command: sysc's workspace for the file-based calls, and a progress
 * bar on standard error when it is a terminal and -q was not given, erased before any output.
 */
final class LiveRunner {
    private LiveRunner() {}

    static <T> T run(CommandSpec spec, OutputOptions output, LoopKind loop, Function<Runner, T> work) {
        return withProgress(spec, output, listener -> {
            try (Workspace workspace = new Workspace()) {
                return work.apply(Runner.live(workspace, loop, listener));
            }
        });
    }

    /** Runs {@code work} with the same progress line as {@link #run}, for engines other than Runner. */
    static <T> T withProgress(CommandSpec spec, OutputOptions output, Function<MeasureListener, T> work) {
        boolean showProgress = !output.quiet && Machine.stderrIsTerminal();
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr());
        try {
            return work.apply(showProgress ? progress : MeasureListener.NONE);
        } finally {
            progress.clear();
        }
    }

    /**
     * What measure and compare both do: sample with {@code work} on this host, then measure the bridge,
     * and put it all in one run record.
     */
    static MeasureRun measureRun(
            CommandSpec spec,
            OutputOptions output,
            MeasureSpec measureSpec,
            BiFunction<Runner, HostInfo, List<CallResult>> work) {
        HostInfo host = Machine.host();
        return run(spec, output, measureSpec.loop(), runner -> {
            List<CallResult> results = work.apply(runner, host);
            return new MeasureRun(
                    VersionProvider.version(),
                    Instant.now(),
                    host,
                    measureSpec,
                    results,
                    bridge(runner, measureSpec, results));
        });
    }

    /**
     * The Java-to-C bridge's cost per call, measured after native-loop results (which leave it out);
     * null on the Java loop, where the baseline is that cost, or when nothing was measured natively.
     */
    private static Summary bridge(Runner runner, MeasureSpec spec, List<CallResult> results) {
        boolean anyNative = results.stream().anyMatch(r -> LoopKind.NATIVE.id().equals(r.loop()));
        return anyNative ? runner.bridge(spec).map(CallResult::net).orElse(null) : null;
    }
}
