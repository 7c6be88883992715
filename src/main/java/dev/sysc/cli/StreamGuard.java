package dev.sysc.cli;

import dev.sysc.exit.ExitCodes;
import dev.sysc.text.Untrusted;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * Standard output or error that remembers its first failed write. Java's PrintStream and PrintWriter
 * swallow I/O errors (only checkError() tells), so {@code sysc list > /dev/full} would exit 0; Main
 * writes through a guard instead and turns a failure into exit 1 and one line. Java also ignores SIGPIPE,
 * so a reader that went away ({@code | head}) shows up as EPIPE: that one stays silent and exits 141,
 * what a shell reports for a writer killed by SIGPIPE.
 */
public final class StreamGuard extends OutputStream {
    private final OutputStream target;
    private IOException failure;

    public StreamGuard(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) {
        if (failure == null) {
            try {
                target.write(b);
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (failure == null) {
            try {
                target.write(b, off, len);
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    @Override
    public void flush() {
        if (failure == null) {
            try {
                target.flush();
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    /** The first write or flush that failed, or null. */
    public IOException failure() {
        return failure;
    }

    /**
     * The exit code once everything was flushed: {@code code} when both streams held, else 141 for a broken
     * pipe (silent) or, after one line on standard error, 1 (or the command's own failure code).
     */
    public static int exitCode(int code, StreamGuard out, PrintWriter errWriter, StreamGuard err) {
        errWriter.flush();
        IOException outFailure = out.failure();
        if (outFailure != null) {
            if (isBrokenPipe(outFailure)) {
                return ExitCodes.BROKEN_PIPE;
            }
            errWriter.println("sysc: cannot write output: " + reason(outFailure));
            errWriter.flush();
            return code == ExitCodes.OK ? ExitCodes.FAILED : code;
        }
        if (err.failure() != null && !isBrokenPipe(err.failure())) {
            // Nowhere left to say it: the exit code is all a script gets.
            return code == ExitCodes.OK ? ExitCodes.FAILED : code;
        }
        return err.failure() != null && code == ExitCodes.OK ? ExitCodes.BROKEN_PIPE : code;
    }

    static boolean isBrokenPipe(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }

    /** The operating system's words for the failure ("No space left on device"), without Java's decoration. */
    static String reason(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : Untrusted.shown(m);
    }
}
