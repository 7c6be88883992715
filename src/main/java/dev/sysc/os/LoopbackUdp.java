package dev.sysc.os;

/**
 * UDP sockets bound to ephemeral ports on 127.0.0.1: one connected to itself (what it sends, it
 * receives; the sendmmsg probe and batch workload), or two connected to each other (udp_roundtrip).
 */
public final class LoopbackUdp {
    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCKADDR_IN_BYTES = 16;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVBUF = 8;
    private static final int SO_RCVTIMEO = 20;
    private static final int MSG_WAITFORONE = 0x10000;
    /** 127.0.0.1 in network byte order, as a little-endian int. */
    static final int LOOPBACK = 0x0100007f;

    private LoopbackUdp() {}

    /**
     * Opens the socket; {@code onOpen} receives the descriptor as soon as it exists, so the caller can
     * register it for closing even if a later step fails.
     *
     * @param receiveBufferBytes SO_RCVBUF to ask for, or 0 to keep the default
     * @param receiveTimeoutSeconds SO_RCVTIMEO, or 0 for none (a lost datagram then blocks a receive)
     * @throws NativeCallException naming the step the kernel refused
     */
    public static int open(int receiveBufferBytes, int receiveTimeoutSeconds, java.util.function.IntConsumer onOpen) {
        IpcCalls c = Bindings.ipc(CallPath.LIBC);
        NativeMemory addr = NativeMemory.allocate(SOCKADDR_IN_BYTES);
        int fd = bound(c, receiveBufferBytes, receiveTimeoutSeconds, addr, onOpen);
        check(c.connect(fd, addr.address(), SOCKADDR_IN_BYTES), "connect to its own port");
        java.lang.ref.Reference.reachabilityFence(addr); // passed by address only
        return fd;
    }

    /**
     * Opens two sockets on 127.0.0.1, each connected to the other: what one sends, the other receives
     * (lat_udp's client and server in one process).
     *
     * @return the two descriptors; {@code onOpen} receives each as soon as it exists
     * @throws NativeCallException naming the step the kernel refused
     */
    public static int[] openPair(int receiveTimeoutSeconds, java.util.function.IntConsumer onOpen) {
        IpcCalls c = Bindings.ipc(CallPath.LIBC);
        NativeMemory addrA = NativeMemory.allocate(SOCKADDR_IN_BYTES);
        NativeMemory addrB = NativeMemory.allocate(SOCKADDR_IN_BYTES);
        int a = bound(c, 0, receiveTimeoutSeconds, addrA, onOpen);
        int b = bound(c, 0, receiveTimeoutSeconds, addrB, onOpen);
        check(c.connect(a, addrB.address(), SOCKADDR_IN_BYTES), "connect to the other socket");
        check(c.connect(b, addrA.address(), SOCKADDR_IN_BYTES), "connect to the other socket");
        java.lang.ref.Reference.reachabilityFence(addrA);
        java.lang.ref.Reference.reachabilityFence(addrB);
        return new int[] {a, b};
    }

    /** A socket bound to an ephemeral port of 127.0.0.1, whose address is left in {@code addr}. */
    private static int bound(
            IpcCalls c,
            int receiveBufferBytes,
            int receiveTimeoutSeconds,
            NativeMemory addr,
            java.util.function.IntConsumer onOpen) {
        int fd = c.socket(AF_INET, SOCK_DGRAM, 0);
        if (fd < 0) {
            throw new NativeCallException("socket(AF_INET, SOCK_DGRAM)", Errnos.last());
        }
        onOpen.accept(fd);
        NativeMemory opt = NativeMemory.allocate(16);
        if (receiveBufferBytes > 0) {
            opt.putInt(0, receiveBufferBytes);
            check(c.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, opt.address(), 4), "setsockopt(SO_RCVBUF)");
        }
        if (receiveTimeoutSeconds > 0) {
            receiveTimeout(c, fd, receiveTimeoutSeconds);
        }
        addr.putShort(0, (short) AF_INET);
        addr.putInt(4, LOOPBACK);
        check(c.bind(fd, addr.address(), SOCKADDR_IN_BYTES), "bind to 127.0.0.1");
        NativeMemory len = NativeMemory.allocate(4);
        len.putInt(0, SOCKADDR_IN_BYTES);
        check(c.getsockname(fd, addr.address(), len.address()), "getsockname");
        // Passed by address only: the buffers must stay reachable until the calls above are done.
        java.lang.ref.Reference.reachabilityFence(opt);
        java.lang.ref.Reference.reachabilityFence(len);
        return fd;
    }

    /** Sets SO_RCVTIMEO, so a receive that nothing answers ends in EAGAIN instead of hanging. */
    static void receiveTimeout(IpcCalls c, int fd, int seconds) {
        NativeMemory opt = NativeMemory.allocate(16);
        opt.putLong(0, seconds); // tv_sec
        opt.putLong(8, 0); // tv_usec
        check(c.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, opt.address(), 16), "setsockopt(SO_RCVTIMEO)");
        java.lang.ref.Reference.reachabilityFence(opt);
    }

    /**
     * Adds to {@code sequence} what a receiver of {@code count} datagrams does, as generated code:
     * recvmmsg(fd, vec + got, count - got, MSG_WAITFORONE, NULL) until all have come. MSG_WAITFORONE
     * waits for the first datagram and then takes what is queued; on loopback a datagram sent is
     * usually queued before send returns, but the kernel may defer that to a softirq, so one call is
     * not always enough. {@code vec} is an array of {@code count} 64-byte mmsghdr, each with its own
     * buffer. A datagram that never arrives ends in EAGAIN after the socket's receive timeout.
     */
    public static void receiveAllNatively(NativeSequence sequence, int fd, long vec, int count) {
        long recvmmsg = NativeEntryPoints.libc("recvmmsg");
        sequence.fragment(
                (a, failed) -> {
                    X86Encoder.Label again = a.label();
                    a.storeImm(X86Encoder.Reg.RSP, NativeSequence.SCRATCH, 0); // got = 0
                    a.place(again);
                    a.load(X86Encoder.Reg.RSI, X86Encoder.Reg.RSP, NativeSequence.SCRATCH);
                    a.movImm(X86Encoder.Reg.RDX, count);
                    a.sub(X86Encoder.Reg.RDX, X86Encoder.Reg.RSI); // vlen = count - got
                    a.shlImm(X86Encoder.Reg.RSI, 6);
                    a.movImm(X86Encoder.Reg.RAX, vec);
                    a.add(X86Encoder.Reg.RSI, X86Encoder.Reg.RAX); // &vec[got]
                    a.movImm(X86Encoder.Reg.RDI, fd);
                    a.movImm(X86Encoder.Reg.RCX, MSG_WAITFORONE);
                    a.zero(X86Encoder.Reg.R8); // no timeout
                    a.movImm(X86Encoder.Reg.R11, recvmmsg);
                    a.call(X86Encoder.Reg.R11);
                    a.movsxd(X86Encoder.Reg.RAX, X86Encoder.Reg.RAX);
                    a.test(X86Encoder.Reg.RAX);
                    a.jcc(X86Encoder.Cond.LE, failed);
                    a.load(X86Encoder.Reg.RCX, X86Encoder.Reg.RSP, NativeSequence.SCRATCH);
                    a.add(X86Encoder.Reg.RCX, X86Encoder.Reg.RAX);
                    a.store(X86Encoder.Reg.RSP, NativeSequence.SCRATCH, X86Encoder.Reg.RCX);
                    a.cmpImm(X86Encoder.Reg.RCX, count);
                    a.jcc(X86Encoder.Cond.L, again);
                },
                NativeSequence.Check.INT);
    }

    static void check(int result, String what) {
        if (result < 0) {
            throw new NativeCallException(what, Errnos.last());
        }
    }
}
