package dev.sysc.cli;

import dev.sysc.exit.ExitCodes;
import dev.sysc.exit.SyscException;
import java.io.IOException;

/** The document could not be written to its -o target (disk full, reader gone): exit 1, or silence for EPIPE. */
final class OutputFailedException extends SyscException {
    private final boolean brokenPipe;

    OutputFailedException(String shownTarget, IOException cause) {
        super(
                "cannot write output to " + shownTarget + ": " + StreamGuard.reason(cause),
                StreamGuard.isBrokenPipe(cause) ? ExitCodes.BROKEN_PIPE : ExitCodes.FAILED,
                cause);
        this.brokenPipe = StreamGuard.isBrokenPipe(cause);
    }

    @Override
    public boolean silent() {
        return brokenPipe;
    }

    /** The reader of a FIFO went away: a pipe writer would die of SIGPIPE, silently. */
    boolean brokenPipe() {
        return brokenPipe;
    }
}
