package dev.sysc.batch;

import dev.sysc.os.Bindings;
import dev.sysc.os.CallPath;
import dev.sysc.os.IoUring;
import dev.sysc.os.NativeCallException;
import dev.sysc.os.NativeSequence;
import dev.sysc.os.ProcessCalls;
import dev.sysc.probe.Operation;
import java.util.List;

/**
 * N NOP requests submitted and reaped with one io_uring_enter, against N plain syscalls (getppid, the
 * call {@code perf bench syscall basic} times). The ring is driven from Java through {@link IoUring}.
 */
final class IoUringWorkload implements Workload {
    static final int MAX_REQUESTS = 4096;
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;

    private static final Strategy LOOP = new Strategy("syscall-loop", "getppid", "N getppid(2) calls", 0, 1);
    private static final Strategy RING = new Strategy(
            "io_uring", "io_uring_nop", "N NOP requests, submitted and reaped with one io_uring_enter(2)", 1, 0);
    private static final WorkloadInfo INFO = new WorkloadInfo(
            "io_uring",
            "N requests: N plain syscalls (getppid), or N io_uring NOPs submitted and reaped with one io_uring_enter",
            WorkloadInfo.Kind.AMORTIZE,
            "request",
            "requests",
            List.of(LOOP, RING),
            LOOP.name(),
            RING.name(),
            "io_uring",
            "one syscall per request",
            "an io_uring request's cost includes filling its submission entry from Java and reaping its "
                    + "completion, as any program driving the ring pays");

    private final RingFactory rings;

    IoUringWorkload(RingFactory rings) {
        this.rings = rings;
    }

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
        return MAX_REQUESTS;
    }

    @Override
    public String maxSizeReason() {
        return "sysc's io_uring ring has at most " + MAX_REQUESTS + " entries";
    }

    @Override
    public Session open(int largest) {
        IoUring ring;
        try {
            ring = rings.open(Math.max(1, Integer.highestOneBit(largest - 1) << 1));
        } catch (NativeCallException e) {
            throw new WorkloadUnavailableException(refusal(e), e);
        }
        ProcessCalls p = Bindings.process(CallPath.LIBC);
        return new Session() {
            @Override
            public Operation batch(Strategy strategy, int size) {
                if (strategy.name().equals(LOOP.name())) {
                    return () -> {
                        for (int i = 0; i < size; i++) {
                            p.getppid(); // never fails
                        }
                        return size;
                    };
                }
                return () -> ring.nops(size);
            }

            @Override
            public NativeSequence nativeBatch(Strategy strategy, int size) {
                if (strategy.name().equals(LOOP.name())) {
                    NativeSequence loop = NativeSequence.on(CallPath.LIBC);
                    for (int i = 0; i < size; i++) {
                        loop.call("getppid");
                    }
                    return loop;
                }
                NativeSequence nops = NativeSequence.on(CallPath.SYSCALL);
                ring.nopsNatively(nops, size);
                return nops;
            }

            @Override
            public void close() {
                ring.close();
            }
        };
    }

    /** Why io_uring is unavailable, with what usually causes that errno. */
    static String refusal(NativeCallException e) {
        String why;
        switch (e.errno()) {
            case EPERM:
                why = " (io_uring is disabled by the kernel.io_uring_disabled sysctl, or blocked by seccomp)";
                break;
            case ENOSYS:
                why = " (this kernel has no io_uring, or seccomp hides it)";
                break;
            default:
                why = "";
        }
        return "the kernel refused io_uring: " + e.getMessage() + why;
    }
}
