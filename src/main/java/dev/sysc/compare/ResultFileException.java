package dev.sysc.compare;

/** A result file that cannot be used; the message names the file and what is wrong with it. */
public final class ResultFileException extends IllegalArgumentException {
    public ResultFileException(String file, String problem) {
        super(dev.sysc.text.Untrusted.shownPath(file) + ": " + problem);
    }
}
