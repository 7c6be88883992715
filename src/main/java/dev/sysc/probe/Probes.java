package dev.sysc.probe;

import dev.sysc.os.CallPath;
import dev.sysc.os.ExecutablePages;
import dev.sysc.os.NativeCallException;
import dev.sysc.os.NativeLoop;
import dev.sysc.os.NativeSequence;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Turns a {@link CallRef} into a ready {@link Probe}, using the maker each call family registers. */
public final class Probes {
    private static final Map<String, ProbeMaker> MAKERS = makers();

    private Probes() {}

    /** Prepares {@code call} for the native loop, falling back to the Java loop where code cannot run. */
    public static Probe open(CallRef call, Workspace workspace) {
        return open(call, workspace, LoopKind.NATIVE, ExecutablePages.SYSTEM);
    }

    /** Prepares {@code call} for {@code loop}, in this process's executable memory. */
    public static Probe open(CallRef call, Workspace workspace, LoopKind loop) {
        return open(call, workspace, loop, ExecutablePages.SYSTEM);
    }

    /**
     * Prepares {@code call}; the caller closes the probe. With {@link LoopKind#NATIVE}, the probe runs
     * generated code unless {@code pages} refuses to make it executable: then it runs the Java loop,
     * and {@link Probe#loop()} says so. The raw and vsyscall paths exist only as generated code: on the
     * Java loop each invocation calls a one-iteration native loop.
     *
     * @throws ProbeSetupException when the kernel refuses what the call needs
     */
    public static Probe open(CallRef call, Workspace workspace, LoopKind loop, ExecutablePages pages) {
        ProbeMaker maker = MAKERS.get(call.name());
        if (maker == null) {
            throw new IllegalStateException("no probe for catalog entry " + call.name());
        }
        Setup setup = new Setup(call, workspace, pages);
        try {
            Operation op = maker.make(setup);
            boolean negatedErrno = setup.negatedErrno();
            NativeLoop nativeLoop = null;
            boolean nativeOnly = call.path().nativeOnly();
            if (loop == LoopKind.NATIVE || nativeOnly) {
                nativeLoop = compile(call, setup, pages);
            }
            if (nativeOnly && loop == LoopKind.JAVA) {
                op = nativeLoop::runOnce;
                nativeLoop = null;
                negatedErrno = true;
            }
            if (nativeLoop == null && op instanceof DeferredOperation) {
                op = ((DeferredOperation) op).make();
            }
            return new Probe(call, op, nativeLoop, setup.opened(), negatedErrno);
        } catch (NativeCallException e) {
            setup.opened().close();
            throw new ProbeSetupException(e.getMessage(), e.errno());
        } catch (RuntimeException | Error e) {
            setup.opened().close();
            throw e;
        }
    }

    /**
     * The empty native loop: the native baseline, what a batch costs with no call in it (the loop's
     * own increment and branch, and the one bridge crossing per batch).
     *
     * @throws ExecutablePages.ExecutableMemoryRefused when generated code cannot run here
     */
    public static Probe emptyLoop(ExecutablePages pages) {
        return Probe.ofNativeLoop(
                Catalog.builtIn().resolve("ffi-noop"),
                NativeSequence.on(CallPath.LIBC).compile(pages));
    }

    /**
     * What samples are paired with on {@code loop}: the empty native loop, or {@code javaBaseline}
     * (ffi-noop through the bridge) on the Java loop and wherever generated code cannot run.
     */
    public static Probe baseline(LoopKind loop, ExecutablePages pages, Supplier<Probe> javaBaseline) {
        if (loop == LoopKind.NATIVE) {
            try {
                return emptyLoop(pages);
            } catch (ExecutablePages.ExecutableMemoryRefused e) {
                // Every probe falls back to the Java loop here, so the baseline does too.
            }
        }
        return javaBaseline.get();
    }

    private static NativeLoop compile(CallRef call, Setup setup, ExecutablePages pages) {
        NativeSequence sequence = setup.sequence();
        if (sequence == null) {
            throw new IllegalStateException("no native sequence for catalog entry " + call.id());
        }
        try {
            return setup.opened().add(sequence.compile(pages));
        } catch (ExecutablePages.ExecutableMemoryRefused e) {
            if (call.path().nativeOnly()) {
                throw new ProbeSetupException(
                        "the " + call.path().id() + " path runs only as generated code, and " + e.getMessage(),
                        e.errno());
            }
            return null;
        }
    }

    /** The names that have a probe; a test checks they are exactly the catalog's. */
    static Set<String> names() {
        return MAKERS.keySet();
    }

    private static Map<String, ProbeMaker> makers() {
        Map<String, ProbeMaker> m = new HashMap<>();
        FloorProbes.register(m);
        ProcessProbes.register(m);
        TimeProbes.register(m);
        FileProbes.register(m);
        MemoryProbes.register(m);
        IpcProbes.register(m);
        BatchingProbes.register(m);
        return Map.copyOf(m);
    }
}
