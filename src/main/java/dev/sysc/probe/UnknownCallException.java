package dev.sysc.probe;

import dev.sysc.exit.ExitCodes;
import dev.sysc.exit.SyscException;

/** A call name or path that is not in the catalog; the message names the closest valid choices. */
public final class UnknownCallException extends SyscException {
    public UnknownCallException(String message) {
        super(message, ExitCodes.USAGE);
    }
}
