package dev.sysc.os;

/**
 * Both ends of one TCP connection over 127.0.0.1, in one process, as lat_tcp's client and server:
 * a listener accepts the connection the client made (on loopback the handshake completes inside
 * connect, so no second thread is needed); it stays open, unused, until the caller closes it. Both ends set TCP_NODELAY, so a
 * one-byte send goes out at once instead of waiting for Nagle's algorithm.
 */
public final class LoopbackTcp {
    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int SOCKADDR_IN_BYTES = 16;
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_NODELAY = 1;

    private LoopbackTcp() {}

    /**
     * Opens the connection.
     *
     * @param receiveTimeoutSeconds SO_RCVTIMEO on both ends (0 for none): a byte that never comes then
     *                              ends a receive in EAGAIN instead of a hang
     * @param onOpen receives every descriptor as soon as it exists, the listener's included, so the
     *               caller can register it for closing even if a later step fails
     * @return the client's and the server's descriptors
     * @throws NativeCallException naming the step the kernel refused
     */
    public static int[] openPair(int receiveTimeoutSeconds, java.util.function.IntConsumer onOpen) {
        IpcCalls c = Bindings.ipc(CallPath.LIBC);
        NativeMemory addr = NativeMemory.allocate(SOCKADDR_IN_BYTES);
        NativeMemory len = NativeMemory.allocate(4);
        int listener = socket(c, onOpen);
        try {
            addr.putShort(0, (short) AF_INET);
            addr.putInt(4, LoopbackUdp.LOOPBACK);
            LoopbackUdp.check(c.bind(listener, addr.address(), SOCKADDR_IN_BYTES), "bind to 127.0.0.1");
            LoopbackUdp.check(c.listen(listener, 1), "listen");
            len.putInt(0, SOCKADDR_IN_BYTES);
            LoopbackUdp.check(c.getsockname(listener, addr.address(), len.address()), "getsockname");
            int client = socket(c, onOpen);
            LoopbackUdp.check(c.connect(client, addr.address(), SOCKADDR_IN_BYTES), "connect to 127.0.0.1");
            int server = c.accept(listener, 0, 0);
            LoopbackUdp.check(server, "accept");
            onOpen.accept(server);
            for (int fd : new int[] {client, server}) {
                NativeMemory one = NativeMemory.allocate(4);
                one.putInt(0, 1);
                LoopbackUdp.check(
                        c.setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, one.address(), 4), "setsockopt(TCP_NODELAY)");
                java.lang.ref.Reference.reachabilityFence(one);
                if (receiveTimeoutSeconds > 0) {
                    LoopbackUdp.receiveTimeout(c, fd, receiveTimeoutSeconds);
                }
            }
            return new int[] {client, server};
        } finally {
            java.lang.ref.Reference.reachabilityFence(addr);
            java.lang.ref.Reference.reachabilityFence(len);
        }
    }

    private static int socket(IpcCalls c, java.util.function.IntConsumer onOpen) {
        int fd = c.socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0) {
            throw new NativeCallException("socket(AF_INET, SOCK_STREAM)", Errnos.last());
        }
        onOpen.accept(fd);
        return fd;
    }
}
