package dev.sysc.compare;

import dev.sysc.exit.ExitCodes;
import dev.sysc.exit.SyscException;

/** A result file that cannot be used; the message names the file and what is wrong with it. */
public final class ResultFileException extends SyscException {
    public ResultFileException(String file, String problem) {
        super(dev.sysc.text.Untrusted.shownPath(file) + ": " + problem, ExitCodes.USAGE);
    }
}
