package dev.sysc.bench;

/** A measurement request that cannot be carried out as asked: a usage error, reported in one line. */
public final class SpecException extends IllegalArgumentException {
    public SpecException(String message) {
        super(message);
    }
}
