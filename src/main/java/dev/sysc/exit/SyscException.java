package dev.sysc.exit;

/**
 * A failure sysc reports in one line and ends with {@link #exitCode()}: the exception says what it
 * means for the process, so the one place that prints errors needs no list of exception types.
 * Anything that is not one is a bug, reported as an internal error.
 */
public class SyscException extends RuntimeException {
    private final int exitCode;

    public SyscException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public SyscException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process's exit code when this ends a command (see {@link ExitCodes}). */
    public int exitCode() {
        return exitCode;
    }

    /** Whether nothing should be printed (a reader that went away wants no message). */
    public boolean silent() {
        return false;
    }
}
