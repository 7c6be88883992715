package dev.sysc.probe;

/** A call name or path that is not in the catalog; the message names the closest valid choices. */
public final class UnknownCallException extends IllegalArgumentException {
    public UnknownCallException(String message) {
        super(message);
    }
}
