package dev.sysc.probe;

/**
 * The timed loop, as a template: every probe gets its own copy of this class (a hidden class defined
 * from these same bytes, see {@link OwnLoop}), so that the call to {@code operation.invoke()} below sees
 * one operation only and the JIT inlines it. With one shared loop, the call site turns megamorphic once
 * a JVM has run three operations (the shell, compare, tour), and every call then pays a virtual
 * dispatch: measured here, getpid read about 5 ns (3 %) higher after three other calls had run.
 */
final class ProbeLoop {
    /** The operation this copy runs; set once, right after the copy is defined. */
    static Operation operation;
    /** What the failing invocation returned, when {@link #run} stopped early. */
    static long failed;

    private ProbeLoop() {}

    static int run(int n) {
        Operation op = operation;
        for (int i = 0; i < n; i++) {
            long r = op.invoke();
            if (r < 0) {
                failed = r;
                return i;
            }
        }
        return n;
    }
}
