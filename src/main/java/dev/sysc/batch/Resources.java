package dev.sysc.batch;

import dev.sysc.os.Bindings;
import dev.sysc.os.CallPath;
import dev.sysc.os.Errnos;
import dev.sysc.os.NativeMemory;
import java.util.ArrayList;
import java.util.List;

/** What a session opened, closed in reverse order by {@link #close()}, which never throws. */
final class Resources implements AutoCloseable {
    private final List<AutoCloseable> opened = new ArrayList<>();

    <T extends AutoCloseable> T add(T resource) {
        opened.add(resource);
        return resource;
    }

    /** Registers {@code fd} to be closed with the session. */
    int fd(int fd) {
        opened.add(() -> Bindings.file(CallPath.LIBC).close(fd));
        return fd;
    }

    /**
     * Opens {@code path} read-only or write-only through libc.
     *
     * @throws WorkloadUnavailableException when it cannot be opened
     */
    int open(String path, int flags) {
        NativeMemory p = NativeMemory.cString(path);
        int fd = Bindings.file(CallPath.LIBC).open(p.address(), flags);
        int errno = fd < 0 ? Errnos.last() : 0;
        java.lang.ref.Reference.reachabilityFence(p); // passed by address only
        if (fd < 0) {
            throw new WorkloadUnavailableException("cannot open " + path + ": " + Errnos.describe(errno), null);
        }
        return fd(fd);
    }

    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception ignored) {
                // Closing one resource must not keep the others open.
            }
        }
        opened.clear();
    }

    /** Runs {@code setup}; when it throws, closes what it had opened so far and rethrows. */
    static <T> T orClose(Resources r, java.util.function.Supplier<T> setup) {
        try {
            return setup.get();
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }
}
