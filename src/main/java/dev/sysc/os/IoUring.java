package dev.sysc.os;

import java.lang.invoke.VarHandle;

/**
 * An io_uring instance driven directly through its shared rings: io_uring_setup(2), mmap of the
 * submission ring, completion ring and SQE array, and io_uring_enter(2). Only NOP requests are issued:
 * they travel the whole submit/complete machinery without doing any I/O, which is what shows the cost
 * of the crossing being shared by many requests.
 *
 * <p>Ordering: the kernel reads the SQ tail and writes the CQ tail concurrently with us. x86-64 keeps
 * stores in order and loads in order, so the only reordering to prevent is the JIT's; the fences
 * below do that (a release before publishing a tail or head, an acquire after reading the CQ tail).
 */
public final class IoUring implements AutoCloseable {
    private static final int PARAMS_BYTES = 120;
    private static final int SQE_BYTES = 64;
    private static final int CQE_BYTES = 16;
    private static final long OFF_SQ_RING = 0L;
    private static final long OFF_CQ_RING = 0x8000000L;
    private static final long OFF_SQES = 0x10000000L;
    private static final int IORING_ENTER_GETEVENTS = 1;
    private static final byte IORING_OP_NOP = 0;
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_SHARED_POPULATE = 0x01 | 0x8000;

    private final Syscalls sys = Bindings.syscalls();
    private final MemoryCalls mem = Bindings.memory(CallPath.LIBC);
    private final int enterNr = SyscallNumbers.of("io_uring_enter");
    private final int fd;
    private final int entries;
    private final long sqRingBytes;
    private final long cqRingBytes;
    private final long sqesBytes;
    private final NativeMemory sqRing;
    private final NativeMemory cqRing;
    private final NativeMemory sqes;
    private final long sqTail;
    private final int sqMask;
    private final long sqArray;
    private final long cqHead;
    private final long cqTail;
    private final int cqMask;
    private final long cqes;
    private boolean closed;

    private IoUring(
            int fd,
            int entries,
            NativeMemory params,
            NativeMemory sqRing,
            long sqRingBytes,
            NativeMemory cqRing,
            long cqRingBytes,
            NativeMemory sqes,
            long sqesBytes) {
        this.fd = fd;
        this.entries = entries;
        this.sqRing = sqRing;
        this.cqRing = cqRing;
        this.sqes = sqes;
        this.sqRingBytes = sqRingBytes;
        this.cqRingBytes = cqRingBytes;
        this.sqesBytes = sqesBytes;
        this.sqTail = params.getInt(44);
        this.sqMask = sqRing.getInt(params.getInt(48));
        this.sqArray = params.getInt(64);
        this.cqHead = params.getInt(80);
        this.cqTail = params.getInt(84);
        this.cqMask = cqRing.getInt(params.getInt(88));
        this.cqes = params.getInt(100);
    }

    /**
     * Sets up a ring of {@code entries} submission slots (a power of two).
     *
     * @throws NativeCallException with the kernel's errno when it refuses (io_uring_disabled, seccomp,
     *                             a kernel without io_uring)
     */
    public static IoUring open(int entries) {
        Syscalls sys = Bindings.syscalls();
        MemoryCalls mem = Bindings.memory(CallPath.LIBC);
        NativeMemory params = NativeMemory.allocate(PARAMS_BYTES);
        int fd = (int) sys.syscall(SyscallNumbers.of("io_uring_setup"), entries, params.address());
        if (fd < 0) {
            throw new NativeCallException("io_uring_setup", Errnos.last());
        }
        int sqEntries = params.getInt(0);
        int cqEntries = params.getInt(4);
        long sqBytes = params.getInt(64) + 4L * sqEntries;
        long cqBytes = params.getInt(100) + (long) CQE_BYTES * cqEntries;
        long sqesBytes = (long) SQE_BYTES * sqEntries;
        long sq = -1;
        long cq = -1;
        long sqe = -1;
        try {
            sq = map(mem, fd, sqBytes, OFF_SQ_RING);
            cq = map(mem, fd, cqBytes, OFF_CQ_RING);
            sqe = map(mem, fd, sqesBytes, OFF_SQES);
        } catch (NativeCallException e) {
            if (sq != -1) {
                mem.munmap(sq, sqBytes);
            }
            if (cq != -1) {
                mem.munmap(cq, cqBytes);
            }
            Bindings.file(CallPath.LIBC).close(fd);
            throw e;
        }
        return new IoUring(
                fd,
                sqEntries,
                params,
                NativeMemory.wrap(sq, sqBytes),
                sqBytes,
                NativeMemory.wrap(cq, cqBytes),
                cqBytes,
                NativeMemory.wrap(sqe, sqesBytes),
                sqesBytes);
    }

    private static long map(MemoryCalls mem, int fd, long bytes, long offset) {
        long addr = mem.mmap(0, bytes, PROT_READ_WRITE, MAP_SHARED_POPULATE, fd, offset);
        if (addr == -1) {
            throw new NativeCallException("mmap of the io_uring rings", Errnos.last());
        }
        return addr;
    }

    /** How many requests fit in one submission. */
    public int entries() {
        return entries;
    }

    /**
     * Queues {@code count} NOP requests, submits them and waits for all of them with one
     * io_uring_enter(2), then reaps the completions.
     *
     * @return {@code count} on success, or a negative errno: from io_uring_enter itself, or the first
     *         failed completion's result
     */
    public long nops(int count) {
        int tail = sqRing.getInt(sqTail);
        for (int i = 0; i < count; i++) {
            int index = (tail + i) & sqMask;
            long sqe = (long) index * SQE_BYTES;
            sqes.putLong(sqe, 0L);
            sqes.putLong(sqe + 8, 0L);
            sqes.putLong(sqe + 16, 0L);
            sqes.putLong(sqe + 24, 0L);
            sqes.putLong(sqe + 32, 0L);
            sqes.putLong(sqe + 40, 0L);
            sqes.putLong(sqe + 48, 0L);
            sqes.putLong(sqe + 56, 0L);
            sqes.putByte(sqe, IORING_OP_NOP);
            sqRing.putInt(sqArray + 4L * index, index);
        }
        VarHandle.releaseFence();
        sqRing.putInt(sqTail, tail + count);
        // Five arguments (sig = NULL, so the kernel never reads sigsz): with a sixth, syscall() would take
        // seven, past the six that jffi's fast numeric invokers take, and each call would go through a
        // slow path that allocates and costs about a microsecond.
        long r = sys.syscall(enterNr, fd, count, count, IORING_ENTER_GETEVENTS, 0);
        if (r < 0) {
            return -Errnos.last();
        }
        return reap(count);
    }

    /**
     * Adds to {@code sequence} what {@link #nops} does, as generated code: fill {@code count} NOP
     * SQEs and publish the SQ tail, one io_uring_enter (glibc's syscall(), or the bare instruction on
     * the raw path), then check each completion's result and publish the CQ head. x86-64 keeps stores
     * in order, and generated code is not reordered by any compiler, so no fence is needed.
     */
    public void nopsNatively(NativeSequence sequence, int count) {
        if (count < 1 || count > entries) {
            throw new IllegalArgumentException("between 1 and " + entries + " requests, not " + count);
        }
        identitySqArray();
        long tailAddress = sqRing.address() + sqTail;
        long sqesAddress = sqes.address();
        sequence.fragment(
                (a, failed) -> {
                    a.movImm(X86Encoder.Reg.R11, tailAddress);
                    a.load32(X86Encoder.Reg.RCX, X86Encoder.Reg.R11, 0);
                    a.movImm(X86Encoder.Reg.RDX, count);
                    a.movImm(X86Encoder.Reg.R10, sqesAddress);
                    X86Encoder.Label fill = a.label();
                    a.place(fill);
                    slotAddress(a, sqMask, 6); // 64-byte SQEs
                    for (int offset = 0; offset < SQE_BYTES; offset += 8) {
                        a.storeImm(X86Encoder.Reg.RSI, offset, 0); // all zero: opcode IORING_OP_NOP is 0
                    }
                    a.inc(X86Encoder.Reg.RCX);
                    a.dec(X86Encoder.Reg.RDX);
                    a.jcc(X86Encoder.Cond.NE, fill);
                    a.store32(X86Encoder.Reg.R11, 0, X86Encoder.Reg.RCX);
                },
                NativeSequence.Check.NONE);
        sequence.syscall("io_uring_enter", fd, count, count, IORING_ENTER_GETEVENTS, 0);
        long headAddress = cqRing.address() + cqHead;
        long cqesAddress = cqRing.address() + cqes;
        sequence.fragment(
                (a, failed) -> {
                    a.movImm(X86Encoder.Reg.R11, headAddress);
                    a.load32(X86Encoder.Reg.RCX, X86Encoder.Reg.R11, 0);
                    a.movImm(X86Encoder.Reg.RDX, count);
                    a.movImm(X86Encoder.Reg.R10, cqesAddress);
                    X86Encoder.Label reap = a.label();
                    a.place(reap);
                    slotAddress(a, cqMask, 4); // 16-byte CQEs
                    a.loadSigned32(X86Encoder.Reg.RAX, X86Encoder.Reg.RSI, 8); // the request's result
                    a.test32(X86Encoder.Reg.RAX);
                    a.jcc(X86Encoder.Cond.S, failed);
                    a.inc(X86Encoder.Reg.RCX);
                    a.dec(X86Encoder.Reg.RDX);
                    a.jcc(X86Encoder.Cond.NE, reap);
                    a.store32(X86Encoder.Reg.R11, 0, X86Encoder.Reg.RCX);
                },
                NativeSequence.Check.NEGATED_INT);
    }

    /** rsi = r10 + ((ecx & mask) << shift): the address of ring slot ecx, in an array at r10. */
    private static void slotAddress(X86Encoder a, int mask, int shift) {
        a.mov(X86Encoder.Reg.RSI, X86Encoder.Reg.RCX);
        a.andImm(X86Encoder.Reg.RSI, mask);
        a.shlImm(X86Encoder.Reg.RSI, shift);
        a.add(X86Encoder.Reg.RSI, X86Encoder.Reg.R10);
    }

    /** Slot i of the SQ index array names SQE i, once and for all (as liburing sets it up). */
    private void identitySqArray() {
        for (int i = 0; i < entries; i++) {
            sqRing.putInt(sqArray + 4L * i, i);
        }
    }

    private long reap(int expected) {
        int head = cqRing.getInt(cqHead);
        int tail = cqRing.getInt(cqTail);
        VarHandle.acquireFence();
        long result = expected;
        int seen = 0;
        while (head != tail && seen < expected) {
            int res = cqRing.getInt(cqes + (long) (head & cqMask) * CQE_BYTES + 8);
            if (res < 0 && result >= 0) {
                result = res;
            }
            head++;
            seen++;
        }
        VarHandle.releaseFence();
        cqRing.putInt(cqHead, head);
        if (seen < expected && result >= 0) {
            // io_uring_enter returned fewer completions than asked for: treat as the kernel's EAGAIN.
            result = -11;
        }
        return result;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        mem.munmap(sqes.address(), sqesBytes);
        mem.munmap(cqRing.address(), cqRingBytes);
        mem.munmap(sqRing.address(), sqRingBytes);
        Bindings.file(CallPath.LIBC).close(fd);
    }
}
