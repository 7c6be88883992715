package dev.sysc.profile;

import dev.sysc.exit.ExitCodes;
import dev.sysc.exit.SyscException;

/** Nothing can count system calls here: perf events are not allowed and strace is not installed. */
public final class CountingUnavailableException extends SyscException {
    public CountingUnavailableException(String message) {
        super(message, ExitCodes.FAILED);
    }
}
