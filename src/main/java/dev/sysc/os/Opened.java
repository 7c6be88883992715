package dev.sysc.os;

import java.util.ArrayList;
import java.util.List;

/**
 * What was opened to measure something (descriptors, rings, mappings, buffers that must stay alive),
 * closed in reverse order by {@link #close()}, which never throws: closing one must not keep the others open.
 */
public final class Opened implements AutoCloseable {
    private final List<AutoCloseable> resources = new ArrayList<>();

    public <T extends AutoCloseable> T add(T resource) {
        resources.add(resource);
        return resource;
    }

    /** Registers {@code fd} to be closed. */
    public int fd(int fd) {
        resources.add(() -> Bindings.file(CallPath.LIBC).close(fd));
        return fd;
    }

    /**
     * Keeps {@code thing} alive until close: for memory only reachable through an address stored in
     * another buffer (an iovec's base, say) or compiled into a loop, which the garbage collector cannot see.
     */
    public <T> T keep(T thing) {
        resources.add(() -> java.lang.ref.Reference.reachabilityFence(thing));
        return thing;
    }

    /**
     * Opens {@code path} through libc with {@code flags}, to be closed with the rest.
     *
     * @throws NativeCallException with the errno when it cannot be opened
     */
    public int open(String path, int flags) {
        NativeMemory p = NativeMemory.cString(path);
        int fd = Bindings.file(CallPath.LIBC).open(p.address(), flags);
        int errno = fd < 0 ? Errnos.last() : 0;
        java.lang.ref.Reference.reachabilityFence(p); // passed by address only
        if (fd < 0) {
            throw new NativeCallException("open " + path, errno);
        }
        return fd(fd);
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception ignored) {
                // Closing one resource must not keep the others open.
            }
        }
        resources.clear();
    }
}
