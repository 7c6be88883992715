package dev.sysc.cli;

import dev.sysc.bench.CallResult;
import dev.sysc.bench.Runner;
import dev.sysc.os.Terminal;
import dev.sysc.probe.Workspace;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs real measurements for a command: sysc's workspace for the file-based calls, and a progress
 * bar on standard error when it is a terminal and -q was not given, erased before any output.
 */
final class LiveRunner {
    private LiveRunner() {
    }

    static List<CallResult> run(CommandSpec spec, OutputOptions output, Function<Runner, List<CallResult>> work) {
        boolean showProgress = !output.quiet && Terminal.isStderrTerminal();
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr());
        try (Workspace workspace = new Workspace()) {
            return work.apply(Runner.live(workspace, showProgress ? progress : (c, i, n, p, f) -> { }));
        } finally {
            progress.clear();
        }
    }
}
