package dev.sysc.probe;

import dev.sysc.os.Bindings;
import dev.sysc.os.CallPath;
import dev.sysc.os.Errnos;
import dev.sysc.os.FileCalls;
import dev.sysc.os.NativeMemory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    private final List<AutoCloseable> teardown = new ArrayList<>();
    private boolean negatedErrno;

    Setup(CallRef call, Workspace workspace) {
        this.call = call;
        this.workspace = workspace;
    }

    CallPath path() {
        return call.path();
    }

    Workspace workspace() {
        return workspace;
    }

    List<AutoCloseable> teardown() {
        return teardown;
    }

    /** Declares that the operation reports failure as a negated errno and leaves errno alone (io_uring). */
    void returnsNegatedErrno() {
        negatedErrno = true;
    }

    boolean negatedErrno() {
        return negatedErrno || call.path() == CallPath.VDSO;
    }

    void onClose(AutoCloseable resource) {
        teardown.add(resource);
    }

    /**
     * Keeps {@code memory} alive as long as the probe: for buffers only reachable through an address
     * stored in another buffer (an iovec's base, say), which the garbage collector cannot see.
     */
    NativeMemory keep(NativeMemory memory) {
        onClose(() -> java.lang.ref.Reference.reachabilityFence(memory));
        return memory;
    }

    /** Opens {@code path} with {@code flags}, to be closed with the probe. */
    int open(Path path, int flags) {
        FileCalls libc = Bindings.file(CallPath.LIBC);
        NativeMemory p = NativeMemory.cString(path.toString());
        int fd = libc.open(p.address(), flags);
        int errno = fd < 0 ? Errnos.last() : 0;
        // The path must outlive the call: only its address was passed, which the collector cannot see.
        java.lang.ref.Reference.reachabilityFence(p);
        if (fd < 0) {
            throw new ProbeSetupException("cannot open " + path, errno);
        }
        closeFd(fd);
        return fd;
    }

    /** Registers {@code fd} to be closed with the probe. */
    void closeFd(int fd) {
        onClose(() -> Bindings.file(CallPath.LIBC).close(fd));
    }

    /** Fails setup with the errno of the libc call that just returned {@code result}, if it is negative. */
    static long check(long result, String what) {
        if (result < 0) {
            throw new ProbeSetupException(what, Errnos.last());
        }
        return result;
    }
}
