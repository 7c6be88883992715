package dev.sysc.batch;

import dev.sysc.os.Bindings;
import dev.sysc.os.CallPath;
import dev.sysc.os.Errnos;
import dev.sysc.os.FileCalls;
import dev.sysc.os.NativeMemory;
import dev.sysc.os.NativeSequence;
import dev.sysc.probe.Operation;
import java.util.List;

/** N one-byte writes to /dev/null in a loop, against one writev of N one-byte iovecs, against one write of N bytes. */
final class WriteWorkload implements Workload {
    static final int IOV_MAX = 1024;
    private static final int O_WRONLY = 1;
    private static final int IOVEC_BYTES = 16;
    private static final int EIO = 5;

    private static final Strategy LOOP = new Strategy("write-loop", "write", "N write(2) calls of 1 byte", 0, 1);
    private static final Strategy WRITEV = new Strategy("writev", "writev", "one writev(2) of N 1-byte iovecs", 1, 0);
    private static final Strategy BUFFER = new Strategy("write-buffer", "write", "one write(2) of N bytes", 1, 0);
    private static final WorkloadInfo INFO = new WorkloadInfo(
            "write",
            "N 1-byte writes to /dev/null: a write per byte, one writev of N iovecs, one write of N bytes",
            WorkloadInfo.Kind.AMORTIZE,
            "byte",
            "bytes",
            List.of(LOOP, WRITEV, BUFFER),
            LOOP.name(),
            WRITEV.name(),
            "one writev",
            "one write per byte",
            null);

    @Override
    public WorkloadInfo info() {
        return INFO;
    }

    @Override
    public int[] defaultSizes() {
        return BatchSizes.powersOfTwo(1, 256);
    }

    @Override
    public int maxSize() {
        return IOV_MAX;
    }

    @Override
    public String maxSizeReason() {
        return "writev takes at most " + IOV_MAX + " iovecs";
    }

    @Override
    public Session open(int largest) {
        Resources r = new Resources();
        return Resources.orClose(r, () -> {
            FileCalls c = Bindings.file(CallPath.LIBC);
            int fd = r.open("/dev/null", O_WRONLY);
            NativeMemory buf = NativeMemory.allocate(largest);
            NativeMemory iov = NativeMemory.allocate(IOVEC_BYTES * largest);
            for (int i = 0; i < largest; i++) {
                iov.putLong((long) i * IOVEC_BYTES, buf.address() + i);
                iov.putLong((long) i * IOVEC_BYTES + 8, 1);
            }
            return new Session() {
                @Override
                public Operation batch(Strategy strategy, int size) {
                    switch (strategy.name()) {
                        case "write-loop":
                            return () -> {
                                for (int i = 0; i < size; i++) {
                                    if (c.write(fd, buf.address() + i, 1) != 1) {
                                        return failed();
                                    }
                                }
                                return size;
                            };
                        case "writev":
                            return () -> c.writev(fd, iov.address(), size) == size ? size : failed();
                        default:
                            return () -> c.write(fd, buf.address(), size) == size ? size : failed();
                    }
                }

                @Override
                public NativeSequence nativeBatch(Strategy strategy, int size) {
                    NativeSequence s = NativeSequence.on(CallPath.LIBC);
                    switch (strategy.name()) {
                        case "write-loop":
                            for (int i = 0; i < size; i++) {
                                s.call("write", fd, buf.address() + i, 1);
                                s.expecting(1);
                            }
                            return s;
                        case "writev":
                            s.call("writev", fd, iov.address(), size);
                            return s.expecting(size);
                        default:
                            s.call("write", fd, buf.address(), size);
                            return s.expecting(size);
                    }
                }

                @Override
                public void close() {
                    r.close();
                    java.lang.ref.Reference.reachabilityFence(buf);
                }
            };
        });
    }

    /** The negated errno of a failed call, or EIO for a short write (which /dev/null never does). */
    private static long failed() {
        int errno = Errnos.last();
        return -(errno != 0 ? errno : EIO);
    }
}
