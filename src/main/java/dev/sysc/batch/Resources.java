package dev.sysc.batch;

import dev.sysc.os.Errnos;
import dev.sysc.os.LoopbackUdp;
import dev.sysc.os.NativeCallException;
import dev.sysc.os.NativeMemory;
import dev.sysc.os.Opened;

/** What a session opened ({@link Opened}), with failures to open reported as the workload being unavailable. */
final class Resources implements AutoCloseable {
    private final Opened opened = new Opened();

    <T extends AutoCloseable> T add(T resource) {
        return opened.add(resource);
    }

    /** Keeps {@code memory} reachable until the session closes ({@link Opened#keep}). */
    NativeMemory keep(NativeMemory memory) {
        return opened.keep(memory);
    }

    /** Registers {@code fd} to be closed with the session. */
    int fd(int fd) {
        return opened.fd(fd);
    }

    /**
     * Opens {@code path} read-only or write-only through libc.
     *
     * @throws WorkloadUnavailableException when it cannot be opened
     */
    int open(String path, int flags) {
        try {
            return opened.open(path, flags);
        } catch (NativeCallException e) {
            throw new WorkloadUnavailableException("cannot open " + path + ": " + Errnos.describe(e.errno()), null);
        }
    }

    /**
     * Opens a UDP socket on 127.0.0.1 connected to itself ({@link LoopbackUdp}), closed with the session,
     * with {@code receiveBufferBytes} of receive buffer and a 1 s receive timeout, so that a lost datagram
     * ends in EAGAIN instead of a hang.
     *
     * @throws WorkloadUnavailableException when the kernel refuses a step
     */
    int loopbackUdp(int receiveBufferBytes) {
        try {
            return LoopbackUdp.open(receiveBufferBytes, 1, this::fd);
        } catch (NativeCallException e) {
            throw new WorkloadUnavailableException(
                    "the kernel refused " + e.call() + " on a loopback UDP socket: " + Errnos.describe(e.errno()),
                    null);
        }
    }

    /** errno of the call that just failed, or {@code fallback} when it left none (a short count is not an error). */
    static int errnoOr(int fallback) {
        int errno = Errnos.last();
        return errno != 0 ? errno : fallback;
    }

    @Override
    public void close() {
        opened.close();
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
