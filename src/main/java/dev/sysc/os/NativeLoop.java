package dev.sysc.os;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Type;

/**
 * A {@link NativeSequence} compiled into machine code: a loop that makes its calls {@code n} times and
 * is itself called once per batch through jffi, so the Java-to-native bridge is crossed once per
 * batch of thousands of calls instead of once per call.
 */
public final class NativeLoop implements AutoCloseable {
    /** {@code long loop(long n, long *state, long clearErrno)}. */
    private static final CallContext SIGNATURE = CallContext.getCallContext(
            Type.SINT64, new Type[] {Type.SINT64, Type.SINT64, Type.SINT64}, CallingConvention.DEFAULT, false);

    private static final int STATE_BYTES = 24;
    /** What a short transfer is reported as: the errno a C program would pick for it. */
    private static final int EIO = 5;

    private final ExecutablePages pages;
    private final long code;
    private final int codeBytes;
    private final NativeSequence.Check[] checks;
    /** Where a failing iteration leaves its result (+0), errno (+8) and step (+16). */
    private final NativeMemory state = NativeMemory.allocate(STATE_BYTES);

    private final Invoker invoker = Invoker.getInstance();
    private int errno;
    private boolean closed;

    /** @param checks how each step of the sequence reports failure, in step order */
    NativeLoop(ExecutablePages pages, byte[] machineCode, NativeSequence.Check[] checks) {
        this.pages = pages;
        this.code = pages.load(machineCode);
        this.codeBytes = machineCode.length;
        this.checks = checks.clone();
    }

    /**
     * Runs the loop {@code n} times, stopping at the first failing call.
     *
     * @return {@code n}, or the number of iterations that completed before one failed; then
     *         {@link #errno()} says why
     */
    public int run(int n) {
        int done = (int) invoker.invokeN3(SIGNATURE, code, n, state.address(), 0);
        if (done < n) {
            errno = diagnose();
        }
        return done;
    }

    /** One iteration, for a Java caller that wants this loop's calls as one operation: 0, or the negated errno. */
    public long runOnce() {
        return run(1) == 1 ? 0 : -errno;
    }

    /** How many bytes of machine code the loop is. */
    int codeBytes() {
        return codeBytes;
    }

    /** The errno of the failure that stopped the last {@link #run}. */
    public int errno() {
        return errno;
    }

    /** The index of the step that failed last, in the order the sequence added them. */
    public int failedStep() {
        return (int) state.getLong(16);
    }

    /** What the failing call returned. */
    public long failedResult() {
        return state.getLong(0);
    }

    /**
     * The errno behind the failure just stored. A vDSO function and the raw instruction return the
     * negated errno. libc wrappers return -1 and set errno, except those of calls documented never to
     * fail (getppid, ...), which hand back the kernel's raw -errno and leave errno alone: a seccomp
     * filter can still make them fail. So the iteration is made once more with errno cleared first: if
     * errno stays 0, the return value itself is the answer.
     */
    private int diagnose() {
        long result = failedResult();
        int step = failedStep();
        NativeSequence.Check check = checks[step];
        if (check == NativeSequence.Check.EXACT && result >= 0) {
            return EIO;
        }
        if (check == NativeSequence.Check.ERROR_NUMBER) {
            return (int) result;
        }
        if (check != NativeSequence.Check.INT
                && check != NativeSequence.Check.LONG
                && check != NativeSequence.Check.EXACT) {
            return (int) -(check == NativeSequence.Check.NEGATED_INT ? (int) result : result);
        }
        int first = (int) state.getLong(8);
        long again = invoker.invokeN3(SIGNATURE, code, 1, state.address(), 1);
        if (again == 1) {
            return first;
        }
        int second = (int) state.getLong(8);
        if (second != 0) {
            return second;
        }
        long r = check == NativeSequence.Check.INT ? (int) failedResult() : failedResult();
        return r >= -4095 && r < 0 ? (int) -r : first;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pages.release(code, codeBytes);
        }
    }
}
