package dev.sysc.bench;

import dev.sysc.exit.ExitCodes;
import dev.sysc.exit.SyscException;

/** The measuring thread was interrupted (Ctrl-C in the shell): the run stops, its resources are released. */
public final class MeasurementInterrupted extends SyscException {
    public MeasurementInterrupted() {
        super("interrupted", ExitCodes.INTERRUPTED);
    }
}
