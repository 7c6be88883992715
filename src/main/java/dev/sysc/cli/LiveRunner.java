package dev.sysc.cli;

import dev.sysc.bench.LiveSession;
import dev.sysc.bench.Machine;
import dev.sysc.bench.MeasureListener;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Opens a command's {@link LiveSession} with a progress bar on standard error when it is a terminal
 * and -q was not given; the bar is erased before any output, and the session's workspace removed.
 */
final class LiveRunner {
    private LiveRunner() {}

    static <T> T session(CommandSpec spec, OutputOptions output, Function<LiveSession, T> work) {
        boolean showProgress = !output.quiet && Machine.stderrIsTerminal();
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr());
        try (LiveSession session = LiveSession.open(showProgress ? progress : MeasureListener.NONE)) {
            return work.apply(session);
        } finally {
            progress.clear();
        }
    }
}
