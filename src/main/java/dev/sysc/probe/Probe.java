package dev.sysc.probe;

import dev.sysc.os.CallPath;
import dev.sysc.os.Errnos;
import dev.sysc.os.NativeLoop;
import dev.sysc.os.Opened;

/**
 * A call made ready to measure: its operation, the path it takes, and what was set up for it
 * (descriptors, mappings, buffers), released by {@link #close()}.
 */
public final class Probe implements AutoCloseable {
    private final CallRef call;
    private final Operation operation;
    /** This probe's own copy of the timed loop (see ProbeLoop), or null to use the shared loop above. */
    private final OwnLoop ownLoop;
    /** The generated loop that runs the calls natively, or null when the Java loop runs them. */
    private final NativeLoop nativeLoop;

    private final Opened teardown;
    private final boolean returnsNegatedErrno;
    private int errno;

    Probe(CallRef call, Operation operation, Opened teardown) {
        this(call, operation, null, teardown, call.path() == CallPath.VDSO);
    }

    Probe(CallRef call, Operation operation, NativeLoop nativeLoop, Opened teardown, boolean returnsNegatedErrno) {
        this.call = call;
        this.operation = operation;
        this.nativeLoop = nativeLoop;
        this.ownLoop = nativeLoop == null ? OwnLoop.of(operation) : null;
        this.teardown = teardown;
        this.returnsNegatedErrno = returnsNegatedErrno;
    }

    /** A probe around any operation; the engine's tests use it with fake operations. */
    public static Probe of(CallRef call, Operation operation) {
        return new Probe(call, operation, new Opened());
    }

    /**
     * A probe around an operation that reports its own failures as a negated errno (as io_uring
     * completions and the vDSO do), so that the errno does not depend on what ran after the failing call.
     * {@code sysc batch} wraps each of its strategies this way; it releases their resources itself.
     */
    public static Probe returningErrno(CallRef call, Operation operation) {
        return new Probe(call, operation, null, new Opened(), true);
    }

    /** A probe that runs {@code loop}; closing the probe closes the loop. */
    public static Probe ofNativeLoop(CallRef call, NativeLoop loop) {
        Opened opened = new Opened();
        opened.add(loop);
        return new Probe(call, () -> loop.runOnce(), loop, opened, true);
    }

    /** A probe that runs {@code loop}; closing it closes the loop, then what {@code opened} holds for it. */
    public static Probe ofNativeLoop(CallRef call, NativeLoop loop, Opened opened) {
        opened.add(loop);
        return new Probe(call, () -> loop.runOnce(), loop, opened, true);
    }

    public CallRef call() {
        return call;
    }

    /** What runs this probe's calls. */
    public LoopKind loop() {
        return nativeLoop != null ? LoopKind.NATIVE : LoopKind.JAVA;
    }

    /**
     * Invokes the operation {@code n} times, stopping at the first failure.
     *
     * @return {@code n}, or the number of invocations that succeeded before one failed
     */
    public int run(int n) {
        if (nativeLoop != null) {
            int done = nativeLoop.run(n);
            if (done < n) {
                errno = nativeLoop.errno();
            }
            return done;
        }
        OwnLoop loop = ownLoop;
        if (loop != null) {
            int done = loop.run(n);
            if (done < n) {
                errno = diagnose(operation, loop.failedResult());
            }
            return done;
        }
        Operation op = operation;
        for (int i = 0; i < n; i++) {
            long r = op.invoke();
            if (r < 0) {
                errno = diagnose(op, r);
                return i;
            }
        }
        return n;
    }

    /**
     * The errno behind a failed invocation. A vDSO function returns the negated errno. libc wrappers
     * return -1 and set errno, except those of calls documented never to fail (getppid, getuid, ...),
     * which hand back the kernel's raw -errno and leave errno alone: a seccomp filter can still make
     * them fail. So the call is made once more with errno cleared: if errno stays 0, the return value
     * itself is the answer.
     */
    private int diagnose(Operation op, long failed) {
        if (returnsNegatedErrno) {
            return (int) -failed;
        }
        int first = Errnos.last();
        Errnos.clear();
        long again = op.invoke();
        int second = Errnos.last();
        if (again >= 0) {
            return first;
        }
        if (second != 0) {
            return second;
        }
        return again >= -4095 ? (int) -again : first;
    }

    /** The errno of the failure that stopped the last {@link #run}, 0 if none did. */
    public int errno() {
        return errno;
    }

    @Override
    public void close() {
        teardown.close();
    }
}
