package dev.sysc.bench;

import dev.sysc.exit.ExitCodes;
import dev.sysc.exit.SyscException;

/** A measurement request that cannot be carried out as asked: a usage error, reported in one line. */
public final class SpecException extends SyscException {
    public SpecException(String message) {
        super(message, ExitCodes.USAGE);
    }
}
