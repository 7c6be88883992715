package dev.sysc.cli;

import dev.sysc.exit.ExitCodes;
import dev.sysc.exit.SyscException;

/** A usage error found after parsing (a file that cannot be written, say): one line, exit 2. */
public final class UsageException extends SyscException {
    public UsageException(String message) {
        super(message, ExitCodes.USAGE);
    }
}
