package dev.sysc.profile;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/** SIGINT and SIGQUIT ignored by sysc while a profiled program runs, and restored afterwards. */
final class SignalsIgnored implements AutoCloseable {
    private final SignalHandler previousInt;
    private final SignalHandler previousQuit;

    private SignalsIgnored(SignalHandler previousInt, SignalHandler previousQuit) {
        this.previousInt = previousInt;
        this.previousQuit = previousQuit;
    }

    static SignalsIgnored interactive() {
        SignalHandler quiet = sig -> {};
        return new SignalsIgnored(swap("INT", quiet), swap("QUIT", quiet));
    }

    private static SignalHandler swap(String name, SignalHandler handler) {
        try {
            return Signal.handle(new Signal(name), handler);
        } catch (IllegalArgumentException e) {
            // The JVM keeps the signal for itself (-Xrs not given, say): leave it as it is.
            return null;
        }
    }

    @Override
    public void close() {
        if (previousInt != null) {
            Signal.handle(new Signal("INT"), previousInt);
        }
        if (previousQuit != null) {
            Signal.handle(new Signal("QUIT"), previousQuit);
        }
    }
}
