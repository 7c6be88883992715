package dev.sysc.probe;

import dev.sysc.os.CallPath;
import dev.sysc.os.Errnos;
import dev.sysc.os.ExecutablePages;
import dev.sysc.os.GeneratedRoutine;
import dev.sysc.os.NativeCallException;
import dev.sysc.os.NativeMemory;
import dev.sysc.os.NativeSequence;
import dev.sysc.os.Opened;
import java.nio.file.Path;

/**
 * What a probe maker gets to prepare its call: the path, sysc's workspace, and helpers that register
 * what they open so that {@link Probe#close()} releases it. Setup itself always goes through libc.
 */
final class Setup {
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;

    private final CallRef call;
    private final Workspace workspace;
    private final ExecutablePages pages;
    private final Opened opened = new Opened();
    private boolean negatedErrno;
    private NativeSequence sequence;

    Setup(CallRef call, Workspace workspace, ExecutablePages pages) {
        this.call = call;
        this.workspace = workspace;
        this.pages = pages;
    }

    CallPath path() {
        return call.path();
    }

    Workspace workspace() {
        return workspace;
    }

    /**
     * Generates {@code routine} (a thread's start routine, a signal handler) into executable memory for
     * the probe's lifetime, registered before anything that may still run it so it is released after.
     *
     * @throws ProbeSetupException when the kernel will not run generated code: such a call has no
     *                             other way to be made
     */
    GeneratedRoutine routine(java.util.function.Function<ExecutablePages, GeneratedRoutine> routine) {
        return opened.add(generated(routine));
    }

    /**
     * What {@code make} builds from generated code in this probe's executable memory.
     *
     * @throws ProbeSetupException when the kernel will not run generated code
     */
    <T> T generated(java.util.function.Function<ExecutablePages, T> make) {
        try {
            return make.apply(pages);
        } catch (ExecutablePages.ExecutableMemoryRefused e) {
            throw new ProbeSetupException("this call needs generated code, and " + e.getMessage(), e.errno());
        }
    }

    /**
     * The calls one iteration of the native loop makes, on this call's path: a maker adds them here
     * besides returning the Java operation, the same calls with the same arguments.
     */
    NativeSequence natively() {
        if (sequence == null) {
            sequence = NativeSequence.on(call.path());
        }
        return sequence;
    }

    /**
     * The Java operation, made only if the Java loop will run it (see {@link DeferredOperation}): for
     * makers whose operation needs nothing that the native sequence does not already hold.
     */
    Operation java(java.util.function.Supplier<Operation> operation) {
        return new DeferredOperation(operation);
    }

    /** The native sequence the maker described, or null when it described none. */
    NativeSequence sequence() {
        return sequence;
    }

    /** What was opened so far; the probe closes it. */
    Opened opened() {
        return opened;
    }

    /** Declares that the operation reports failure as a negated errno and leaves errno alone (io_uring). */
    void returnsNegatedErrno() {
        negatedErrno = true;
    }

    boolean negatedErrno() {
        return negatedErrno || call.path() == CallPath.VDSO;
    }

    void onClose(AutoCloseable resource) {
        opened.add(resource);
    }

    /** Keeps {@code memory} alive as long as the probe (see {@link Opened#keep}). */
    NativeMemory keep(NativeMemory memory) {
        return opened.keep(memory);
    }

    /** Opens {@code path} with {@code flags}, to be closed with the probe. */
    int open(Path path, int flags) {
        try {
            return opened.open(path.toString(), flags);
        } catch (NativeCallException e) {
            throw new ProbeSetupException("cannot open " + path, e.errno());
        }
    }

    /** Registers {@code fd} to be closed with the probe. */
    void closeFd(int fd) {
        opened.fd(fd);
    }

    /** Fails setup with the errno of the libc call that just returned {@code result}, if it is negative. */
    static long check(long result, String what) {
        if (result < 0) {
            throw new ProbeSetupException(what, Errnos.last());
        }
        return result;
    }
}
