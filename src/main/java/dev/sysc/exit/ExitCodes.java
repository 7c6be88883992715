package dev.sysc.exit;

/** sysc's exit codes; scripts depend on them. */
public final class ExitCodes {
    /** Everything asked for was measured. */
    public static final int OK = 0;
    /** A measurement failed: a call was refused by the kernel, say. The others still report. */
    public static final int FAILED = 1;
    /** The command line or an input file is wrong; nothing was measured. */
    public static final int USAGE = 2;
    /** Interrupted by Ctrl-C (128 + SIGINT, as shells report it). */
    public static final int INTERRUPTED = 130;
    /** The reader of standard output went away (EPIPE): 128 + SIGPIPE, what a shell reports for a pipe writer. */
    public static final int BROKEN_PIPE = 141;

    private ExitCodes() {}
}
