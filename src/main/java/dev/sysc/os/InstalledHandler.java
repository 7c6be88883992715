package dev.sysc.os;

/**
 * A signal handler installed with sigaction for one signal, and the disposition it replaced, put back
 * on {@link #close}. The JVM's signal chaining (libjsig) is not loaded, so sigaction from here replaces
 * the handler of this one signal for the whole process; that is why only a signal nobody handles is
 * taken (see {@link #install}).
 */
public final class InstalledHandler implements AutoCloseable {
    /** The shared no-op handlers, by signal: several probes (one per path) may use one at the same time. */
    private static final SharedByKey<Integer> SHARED = new SharedByKey<>();

    private static final int SIGACTION_BYTES = 152;
    private static final int FLAGS_OFFSET = 136;
    private static final int SA_RESTART = 0x10000000;
    private static final long SIG_DFL = 0;
    private static final long SIG_IGN = 1;
    private static final int EBUSY = 16;

    private final int signal;
    private final NativeMemory old;
    private boolean closed;

    private InstalledHandler(int signal, NativeMemory old) {
        this.signal = signal;
        this.old = old;
    }

    /**
     * Makes {@code handler} (a C function {@code void f(int)}) the handler of {@code signal}.
     *
     * @throws NativeCallException with EBUSY when the signal already has a handler or is ignored
     *                             (someone in this process uses it), or the errno of sigaction
     */
    private static InstalledHandler install(int signal, long handler) {
        ChildCalls c = Bindings.child();
        NativeMemory old = NativeMemory.allocate(SIGACTION_BYTES);
        check(c.sigaction(signal, 0, old.address()), "sigaction(" + signal + ") query");
        if (old.getLong(0) != SIG_DFL) {
            throw new NativeCallException("signal " + signal + " already has a handler in this process", EBUSY);
        }
        NativeMemory action = NativeMemory.allocate(SIGACTION_BYTES);
        action.putLong(0, handler);
        action.putInt(FLAGS_OFFSET, SA_RESTART);
        check(c.sigaction(signal, action.address(), 0), "sigaction(" + signal + ")");
        java.lang.ref.Reference.reachabilityFence(action);
        return new InstalledHandler(signal, old);
    }

    /**
     * Ignores {@code signal} in this whole process (SIG_IGN) until {@link #close} puts back the
     * disposition it had, the JVM's own handler included, byte for byte. Ignoring, unlike a Java-side
     * handler (sun.misc.Signal), needs no handler at all; a program started meanwhile would inherit the
     * ignoring through exec, so start it first.
     *
     * @throws NativeCallException with the errno of sigaction
     */
    public static InstalledHandler ignore(int signal) {
        ChildCalls c = Bindings.child();
        NativeMemory old = NativeMemory.allocate(SIGACTION_BYTES);
        check(c.sigaction(signal, 0, old.address()), "sigaction(" + signal + ") query");
        NativeMemory action = NativeMemory.allocate(SIGACTION_BYTES);
        action.putLong(0, SIG_IGN);
        check(c.sigaction(signal, action.address(), 0), "sigaction(" + signal + ")");
        java.lang.ref.Reference.reachabilityFence(action);
        return new InstalledHandler(signal, old);
    }

    public int signal() {
        return signal;
    }

    /**
     * A generated no-op handler for {@code signal}, installed by the first caller and shared by those
     * that come while it is in place; the last {@code close} of a lease puts the old disposition back
     * and then unmaps the handler's code.
     *
     * @throws NativeCallException as {@link #install} does
     * @throws ExecutablePages.ExecutableMemoryRefused when the handler cannot be generated
     */
    public static AutoCloseable noopLease(int signal, ExecutablePages pages) {
        return SHARED.hold(signal, () -> {
            GeneratedRoutine handler = GeneratedRoutine.noop(pages);
            InstalledHandler installed;
            try {
                installed = install(signal, handler.address());
            } catch (RuntimeException e) {
                handler.close();
                throw e;
            }
            return () -> {
                installed.close(); // the old disposition first, then the handler's code may go
                handler.close();
            };
        });
    }

    /**
     * Ignores the signal for a moment, which discards any instance still pending (POSIX says so for
     * SIG_IGN), then puts the old disposition back: a real-time signal left pending under SIG_DFL would
     * end the process.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ChildCalls c = Bindings.child();
        NativeMemory ignore = NativeMemory.allocate(SIGACTION_BYTES);
        ignore.putLong(0, SIG_IGN);
        c.sigaction(signal, ignore.address(), 0);
        c.sigaction(signal, old.address(), 0);
        java.lang.ref.Reference.reachabilityFence(ignore);
    }

    /** The handler this signal has now, as a function address (0 for SIG_DFL, 1 for SIG_IGN). */
    public static long currentHandler(int signal) {
        NativeMemory now = NativeMemory.allocate(SIGACTION_BYTES);
        check(Bindings.child().sigaction(signal, 0, now.address()), "sigaction(" + signal + ") query");
        return now.getLong(0);
    }

    private static void check(int result, String what) {
        if (result < 0) {
            throw new NativeCallException(what, Errnos.last());
        }
    }
}
