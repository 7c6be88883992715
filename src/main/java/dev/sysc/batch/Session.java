package dev.sysc.batch;

import dev.sysc.os.NativeSequence;
import dev.sysc.probe.Operation;

/** A workload made ready: its rings, sockets, descriptors and buffers, released by {@link #close()}. */
public interface Session extends AutoCloseable {
    /**
     * The operation that performs ONE batch of {@code size} operations with {@code strategy}: it returns
     * a non-negative count when every operation succeeded, else the negated errno of the first failure.
     */
    Operation batch(Strategy strategy, int size);

    /**
     * The same batch as generated code, one loop iteration per batch, as a C program would run it; null
     * when this workload has no native form (then the Java operation is measured).
     */
    default NativeSequence nativeBatch(Strategy strategy, int size) {
        return null;
    }

    /**
     * Runs one batch of {@code strategy} at {@code size} outside the timing and counts the system calls
     * it makes as it makes them; null when this workload does not count (only a selection does).
     */
    default CountedCrossings count(Strategy strategy, int size) {
        return null;
    }

    /** Words for a failure of {@code strategy} at {@code size} with {@code errno}, when the errno alone says too little. */
    default String explain(Strategy strategy, int size, int errno) {
        return null;
    }

    /** Releases everything the session opened; never throws. */
    @Override
    void close();
}
