package dev.sysc.cli;

/** A usage error found after parsing (a file that cannot be written, say): one line, exit 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
