package dev.sysc.batch;

import dev.sysc.os.Bindings;
import dev.sysc.os.CallPath;
import dev.sysc.os.IpcCalls;
import dev.sysc.os.LoopbackUdp;
import dev.sysc.os.NativeMemory;
import dev.sysc.os.NativeSequence;
import dev.sysc.probe.Operation;
import java.util.List;

/**
 * N one-byte UDP datagrams over loopback, to a socket sysc binds on 127.0.0.1 and connects to itself:
 * sent with N sendto calls or one sendmmsg. After each batch all N are received (recvmmsg) and counted,
 * so a dropped datagram fails the run instead of making sending look cheap.
 */
final class SendmmsgWorkload implements Workload {
    /** The kernel's UIO_MAXIOV: sendmmsg sends at most this many messages in one call. */
    static final int MAX_DATAGRAMS = 1024;

    private static final int MSG_WAITFORONE = 0x10000;
    static final int MMSGHDR_BYTES = 64;
    static final int IOVEC_BYTES = 16;
    /** Room each received datagram gets: more than the 1 byte sent, so a longer one would show. */
    static final int SLOT_BYTES = 8;
    /** Receive buffer asked for per datagram of the largest batch (a 1-byte datagram takes about 1 KiB of it). */
    static final int RCVBUF_PER_DATAGRAM = 4096;

    private static final int EAGAIN = 11;
    private static final int EIO = 5;

    private static final Strategy LOOP = new Strategy(
            "sendto-loop", "sendmmsg", "N sendto(2) calls of one datagram, then one recvmmsg(2) for all N", 1, 1);
    private static final Strategy BATCH = new Strategy(
            "sendmmsg", "sendmmsg", "one sendmmsg(2) of N datagrams, then one recvmmsg(2) for all N", 2, 0);
    private static final WorkloadInfo INFO = new WorkloadInfo(
            "sendmmsg",
            "N 1-byte UDP datagrams over loopback: N sendto calls, or one sendmmsg",
            WorkloadInfo.Kind.AMORTIZE,
            "datagram",
            "datagrams",
            List.of(LOOP, BATCH),
            LOOP.name(),
            BATCH.name(),
            "one sendmmsg",
            "one sendto per datagram",
            "both strategies also receive every batch with recvmmsg and count it, so that nothing is silently "
                    + "dropped: each figure includes its share of that receive");

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
        return MAX_DATAGRAMS;
    }

    @Override
    public String maxSizeReason() {
        return "sendmmsg sends at most " + MAX_DATAGRAMS + " datagrams in one call";
    }

    @Override
    public Session open(int largest) {
        Resources r = new Resources();
        return Resources.orClose(r, () -> {
            IpcCalls c = Bindings.ipc(CallPath.LIBC);
            int fd = r.loopbackUdp((int) Math.min(64L << 20, (long) RCVBUF_PER_DATAGRAM * largest));
            NativeMemory payload = NativeMemory.allocate(1);
            payload.putByte(0, (byte) 'x');
            NativeMemory sendIov = NativeMemory.allocate(IOVEC_BYTES);
            sendIov.putLong(0, payload.address());
            sendIov.putLong(8, 1);
            NativeMemory sendVec = NativeMemory.allocate(MMSGHDR_BYTES * largest);
            NativeMemory slots = NativeMemory.allocate(SLOT_BYTES * largest);
            NativeMemory recvIov = NativeMemory.allocate(IOVEC_BYTES * largest);
            NativeMemory recvVec = NativeMemory.allocate(MMSGHDR_BYTES * largest);
            for (int i = 0; i < largest; i++) {
                long m = (long) i * MMSGHDR_BYTES;
                sendVec.putLong(m + 16, sendIov.address()); // msg_iov
                sendVec.putLong(m + 24, 1); // msg_iovlen
                recvIov.putLong((long) i * IOVEC_BYTES, slots.address() + (long) i * SLOT_BYTES);
                recvIov.putLong((long) i * IOVEC_BYTES + 8, SLOT_BYTES);
                recvVec.putLong(m + 16, recvIov.address() + (long) i * IOVEC_BYTES);
                recvVec.putLong(m + 24, 1);
            }
            return new UdpSession(c, fd, r, payload, sendIov, sendVec, slots, recvIov, recvVec);
        });
    }

    private static final class UdpSession implements Session {
        private final IpcCalls c;
        private final int fd;
        private final Resources resources;
        private final NativeMemory payload;
        private final NativeMemory sendIov;
        private final NativeMemory sendVec;
        private final NativeMemory slots;
        private final NativeMemory recvIov;
        private final NativeMemory recvVec;

        UdpSession(
                IpcCalls c,
                int fd,
                Resources resources,
                NativeMemory payload,
                NativeMemory sendIov,
                NativeMemory sendVec,
                NativeMemory slots,
                NativeMemory recvIov,
                NativeMemory recvVec) {
            this.c = c;
            this.fd = fd;
            this.resources = resources;
            this.payload = payload;
            this.sendIov = sendIov;
            this.sendVec = sendVec;
            this.slots = slots;
            this.recvIov = recvIov;
            this.recvVec = recvVec;
        }

        @Override
        public Operation batch(Strategy strategy, int size) {
            if (strategy.name().equals(LOOP.name())) {
                return () -> {
                    for (int i = 0; i < size; i++) {
                        // glibc's send() on a connected socket is the sendto syscall with no address.
                        if (c.send(fd, payload.address(), 1, 0) != 1) {
                            return -Resources.errnoOr(EIO);
                        }
                    }
                    return receive(size);
                };
            }
            return () -> {
                int sent = c.sendmmsg(fd, sendVec.address(), size, 0);
                if (sent != size) {
                    return sent < 0 ? -Resources.errnoOr(EIO) : -EIO;
                }
                return receive(size);
            };
        }

        @Override
        public NativeSequence nativeBatch(Strategy strategy, int size) {
            NativeSequence s = NativeSequence.on(CallPath.LIBC);
            if (strategy.name().equals(LOOP.name())) {
                for (int i = 0; i < size; i++) {
                    s.call("send", fd, payload.address(), 1, 0);
                    s.expecting(1);
                }
            } else {
                s.call("sendmmsg", fd, sendVec.address(), size, 0);
                s.expecting(size);
            }
            // The Java receive also checks each datagram is 1 byte; here only sysc's own 1-byte datagrams
            // can arrive: the socket is connected to itself, and the kernel drops datagrams from other peers.
            LoopbackUdp.receiveAllNatively(s, fd, recvVec.address(), size);
            return s;
        }

        /**
         * Receives {@code n} datagrams: recvmmsg waits for the first, then takes what is queued, again
         * until all have come; each must be the one byte sent. A datagram that does not arrive within the
         * socket's 1 s timeout ends in EAGAIN.
         */
        private long receive(int n) {
            int got = 0;
            while (got < n) {
                int r = c.recvmmsg(fd, recvVec.address() + (long) got * MMSGHDR_BYTES, n - got, MSG_WAITFORONE, 0);
                if (r <= 0) {
                    return -(r < 0 ? Resources.errnoOr(EAGAIN) : EAGAIN);
                }
                for (int i = got; i < got + r; i++) {
                    if (recvVec.getInt((long) i * MMSGHDR_BYTES + 56) != 1) {
                        return -EIO;
                    }
                }
                got += r;
            }
            return n;
        }

        @Override
        public String explain(Strategy strategy, int size, int errno) {
            if (errno == EAGAIN) {
                return "not all " + size + " datagrams arrived within 1 s: the kernel dropped some "
                        + "(receive buffer too small for the batch?)";
            }
            if (errno == EIO) {
                return "a datagram was short, or fewer than " + size + " were sent";
            }
            return null;
        }

        @Override
        public void close() {
            resources.close();
            java.lang.ref.Reference.reachabilityFence(payload);
            java.lang.ref.Reference.reachabilityFence(sendIov);
            java.lang.ref.Reference.reachabilityFence(slots);
            java.lang.ref.Reference.reachabilityFence(recvIov);
        }
    }
}
