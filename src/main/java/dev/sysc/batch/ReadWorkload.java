package dev.sysc.batch;

import dev.sysc.os.Bindings;
import dev.sysc.os.CallPath;
import dev.sysc.os.Errnos;
import dev.sysc.os.FileCalls;
import dev.sysc.os.NativeMemory;
import dev.sysc.os.NativeSequence;
import dev.sysc.probe.Operation;
import java.util.List;

/**
 * One read of S bytes from /dev/zero, for S from 1 B up: the bigger the buffer, the more bytes share
 * one crossing. The batch size is the buffer size and one operation is one byte.
 */
final class ReadWorkload implements Workload {
    static final int MAX_BYTES = 64 << 20;
    private static final int O_RDONLY = 0;
    private static final int EIO = 5;

    private static final Strategy READ = new Strategy("read", "read", "one read(2) of N bytes", 1, 0);
    private static final WorkloadInfo INFO = new WorkloadInfo(
            "read",
            "one read of N bytes from /dev/zero, N from 1 B to 1 MiB: the fixed cost of a call against the cost of a byte",
            WorkloadInfo.Kind.BUFFER,
            "byte",
            "bytes",
            List.of(READ),
            null,
            READ.name(),
            "one read",
            null,
            null);

    @Override
    public WorkloadInfo info() {
        return INFO;
    }

    @Override
    public int[] defaultSizes() {
        return BatchSizes.powersOfTwo(1, 1 << 20);
    }

    @Override
    public int maxSize() {
        return MAX_BYTES;
    }

    @Override
    public String maxSizeReason() {
        return "read buffers stop at 64 MiB (" + MAX_BYTES + " bytes)";
    }

    @Override
    public Session open(int largest) {
        Resources r = new Resources();
        return Resources.orClose(r, () -> {
            FileCalls c = Bindings.file(CallPath.LIBC);
            int fd = r.open("/dev/zero", O_RDONLY);
            // Allocated zeroed, so every page is already touched: no page faults inside the timed reads.
            NativeMemory buf = NativeMemory.allocate(largest);
            return new Session() {
                @Override
                public Operation batch(Strategy strategy, int size) {
                    return () -> {
                        long got = c.read(fd, buf.address(), size);
                        if (got == size) {
                            return size;
                        }
                        int errno = got < 0 ? Errnos.last() : EIO;
                        return -errno;
                    };
                }

                @Override
                public NativeSequence nativeBatch(Strategy strategy, int size) {
                    NativeSequence s = NativeSequence.on(CallPath.LIBC);
                    s.call("read", fd, buf.address(), size);
                    return s.expecting(size);
                }

                @Override
                public void close() {
                    r.close();
                    java.lang.ref.Reference.reachabilityFence(buf);
                }
            };
        });
    }
}
