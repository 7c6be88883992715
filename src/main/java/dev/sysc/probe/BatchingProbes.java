package dev.sysc.probe;

import dev.sysc.os.Bindings;
import dev.sysc.os.FileCalls;
import dev.sysc.os.IoUring;
import dev.sysc.os.IpcCalls;
import dev.sysc.os.LoopbackUdp;
import dev.sysc.os.NativeCallException;
import dev.sysc.os.NativeMemory;
import java.util.Map;

/** The batching primitives, measured here with a batch of one: the price of one trip with the batch machinery. */
final class BatchingProbes {
    private static final int MMSGHDR_BYTES = 64;
    private static final int MSG_DONTWAIT = 0x40;

    private BatchingProbes() {}

    static void register(Map<String, ProbeMaker> m) {
        m.put("writev", s -> {
            FileCalls c = FileProbes.calls(s);
            int fd = s.open(FileProbes.DEV_NULL, Setup.O_WRONLY);
            NativeMemory iov = s.keep(FileProbes.iovec(s.keep(NativeMemory.allocate(1)), 1));
            s.natively().call("writev", fd, iov.address(), 1);
            return () -> c.writev(fd, iov.address(), 1);
        });
        m.put("readv", s -> {
            FileCalls c = FileProbes.calls(s);
            int fd = s.open(FileProbes.DEV_ZERO, Setup.O_RDONLY);
            NativeMemory iov = s.keep(FileProbes.iovec(s.keep(NativeMemory.allocate(1)), 1));
            s.natively().call("readv", fd, iov.address(), 1);
            return () -> c.readv(fd, iov.address(), 1);
        });
        m.put("sendmmsg", s -> {
            IpcCalls c = Bindings.ipc(s.path());
            int fd = LoopbackUdp.open(0, 0, s::closeFd);
            NativeMemory iov = s.keep(FileProbes.iovec(s.keep(NativeMemory.allocate(1)), 1));
            NativeMemory msg = s.keep(NativeMemory.allocate(MMSGHDR_BYTES));
            msg.putLong(16, iov.address());
            msg.putLong(24, 1);
            NativeMemory in = s.keep(NativeMemory.allocate(8));
            s.natively().call("sendmmsg", fd, msg.address(), 1, 0);
            s.natively().call("recv", fd, in.address(), 8, MSG_DONTWAIT);
            return () -> {
                int sent = c.sendmmsg(fd, msg.address(), 1, 0);
                if (sent != 1) {
                    return sent < 0 ? sent : -1;
                }
                // Receiving what was sent keeps the queue empty and proves nothing was dropped. On loopback
                // the datagram is queued before sendmmsg returns, so never wait: an empty queue is a failure
                // (EAGAIN), not a hang that Ctrl-C cannot reach.
                return c.recv(fd, in.address(), 8, MSG_DONTWAIT);
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
            ring.nopsNatively(s.natively(), 1);
            return () -> ring.nops(1);
        });
    }
}
