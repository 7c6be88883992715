package dev.sysc.probe;

import dev.sysc.os.Bindings;
import dev.sysc.os.CallPath;
import dev.sysc.os.Errnos;
import dev.sysc.os.FileCalls;
import dev.sysc.os.IoUring;
import dev.sysc.os.IpcCalls;
import dev.sysc.os.NativeCallException;
import dev.sysc.os.NativeMemory;
import java.util.Map;

/** The batching primitives, measured here with a batch of one: the price of one trip with the batch machinery. */
final class BatchingProbes {
    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int MMSGHDR_BYTES = 64;
    private static final int SOCKADDR_IN_BYTES = 16;
    private static final int MSG_DONTWAIT = 0x40;

    private BatchingProbes() {
    }

    static void register(Map<String, ProbeMaker> m) {
        m.put("writev", s -> {
            FileCalls c = FileProbes.calls(s);
            int fd = s.open(FileProbes.DEV_NULL, Setup.O_WRONLY);
            NativeMemory iov = FileProbes.iovec(s.keep(NativeMemory.allocate(1)), 1);
            return () -> c.writev(fd, iov.address(), 1);
        });
        m.put("readv", s -> {
            FileCalls c = FileProbes.calls(s);
            int fd = s.open(FileProbes.DEV_ZERO, Setup.O_RDONLY);
            NativeMemory iov = FileProbes.iovec(s.keep(NativeMemory.allocate(1)), 1);
            return () -> c.readv(fd, iov.address(), 1);
        });
        m.put("sendmmsg", s -> {
            IpcCalls c = Bindings.ipc(s.path());
            LoopbackUdp udp = LoopbackUdp.open(s);
            NativeMemory iov = s.keep(FileProbes.iovec(s.keep(NativeMemory.allocate(1)), 1));
            NativeMemory msg = NativeMemory.allocate(MMSGHDR_BYTES);
            msg.putLong(16, iov.address());
            msg.putLong(24, 1);
            NativeMemory in = NativeMemory.allocate(8);
            return () -> {
                int sent = c.sendmmsg(udp.fd, msg.address(), 1, 0);
                if (sent != 1) {
                    return sent < 0 ? sent : -1;
                }
                // Receiving what was sent keeps the queue empty and proves nothing was dropped. On loopback
                // the datagram is queued before sendmmsg returns, so never wait: an empty queue is a failure
                // (EAGAIN), not a hang that Ctrl-C cannot reach.
                return c.recv(udp.fd, in.address(), 8, MSG_DONTWAIT);
            };
        });
        m.put("io_uring_nop", s -> {
            IoUring ring;
            try {
                ring = IoUring.open(8);
            } catch (NativeCallException e) {
                throw new ProbeSetupException("cannot set up an io_uring ring (" + e.call() + ")", e.errno());
            }
            s.onClose(ring);
            s.returnsNegatedErrno();
            return () -> ring.nops(1);
        });
    }

    /** A UDP socket bound to an ephemeral port on 127.0.0.1 and connected to itself. */
    static final class LoopbackUdp {
        final int fd;

        private LoopbackUdp(int fd) {
            this.fd = fd;
        }

        static LoopbackUdp open(Setup s) {
            IpcCalls libc = Bindings.ipc(CallPath.LIBC);
            int fd = (int) Setup.check(libc.socket(AF_INET, SOCK_DGRAM, 0), "socket(AF_INET, SOCK_DGRAM)");
            s.closeFd(fd);
            NativeMemory addr = NativeMemory.allocate(SOCKADDR_IN_BYTES);
            addr.putShort(0, (short) AF_INET);
            addr.putInt(4, 0x0100007f); // 127.0.0.1 in network byte order, as a little-endian int
            Setup.check(libc.bind(fd, addr.address(), SOCKADDR_IN_BYTES), "bind to 127.0.0.1");
            NativeMemory len = NativeMemory.allocate(4);
            len.putInt(0, SOCKADDR_IN_BYTES);
            Setup.check(libc.getsockname(fd, addr.address(), len.address()), "getsockname");
            if (libc.connect(fd, addr.address(), SOCKADDR_IN_BYTES) < 0) {
                throw new ProbeSetupException("connect to own UDP port", Errnos.last());
            }
            // addr and len were passed by address only: keep them alive until the calls are done.
            java.lang.ref.Reference.reachabilityFence(addr);
            java.lang.ref.Reference.reachabilityFence(len);
            return new LoopbackUdp(fd);
        }
    }
}
