package dev.sysc.probe;

import java.util.function.Supplier;

/**
 * A Java operation made only if the Java loop runs it. Making one binds a jnr-ffi interface, which
 * starts jnr-ffi's runtime and generates a class (tens of milliseconds the first time); on the native
 * loop, the default, the operation is never called. {@link Probes#open} makes it when the probe runs
 * the Java loop, so the timed loop calls the real operation, never this wrapper.
 */
final class DeferredOperation implements Operation {
    private final Supplier<Operation> make;

    DeferredOperation(Supplier<Operation> make) {
        this.make = make;
    }

    Operation make() {
        return make.get();
    }

    @Override
    public long invoke() {
        throw new IllegalStateException("a deferred operation is made by Probes.open before it runs");
    }
}
