package dev.sysc.batch;

/**
 * One way of doing a workload's operations.
 *
 * @param name        the strategy's name in tables and result files, e.g. {@code writev}
 * @param call        the catalog call it is closest to (names the probe in errors), e.g. {@code writev}
 * @param description what one batch of N operations does, in words
 * @param fixedCalls  native calls one batch makes whatever its size
 * @param callsPerOp  further native calls one batch makes per operation: the loop's 1, a batch's 0
 */
public record Strategy(String name, String call, String description, int fixedCalls, int callsPerOp) {
    /** The Java-to-C calls one batch of {@code size} operations makes; each costs one FFI baseline. */
    public long nativeCalls(int size) {
        return fixedCalls + (long) callsPerOp * size;
    }
}
