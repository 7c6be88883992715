package dev.sysc.cli;

import java.io.IOException;

/** The document could not be written to its -o target (disk full, reader gone): exit 1, or silence for EPIPE. */
final class OutputFailedException extends RuntimeException {
    private final boolean brokenPipe;

    OutputFailedException(String shownTarget, IOException cause) {
        super("cannot write output to " + shownTarget + ": " + StreamGuard.reason(cause), cause);
        this.brokenPipe = StreamGuard.isBrokenPipe(cause);
    }

    /** The reader of a FIFO went away: a pipe writer would die of SIGPIPE, silently. */
    boolean brokenPipe() {
        return brokenPipe;
    }
}
