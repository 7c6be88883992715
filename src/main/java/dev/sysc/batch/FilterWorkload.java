package dev.sysc.batch;

import dev.sysc.os.Bindings;
import dev.sysc.os.CallPath;
import dev.sysc.os.Errnos;
import dev.sysc.os.IpcCalls;
import dev.sysc.os.NativeCallException;
import dev.sysc.os.NativeMemory;
import dev.sysc.os.NativeSequence;
import dev.sysc.os.SocketFilter;
import dev.sysc.probe.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 100 one-byte UDP datagrams over loopback of which 1 in K is wanted (marked 'W', the rest 'x'), sent with
 * one sendmmsg to a socket sysc connects to itself. Without a filter the receiver calls recv 100 times and
 * throws the unwanted away; with a classic BPF socket filter ({@code wanted-datagram.bpf.tsv}) the kernel
 * drops them before they are queued, and the receiver calls recv once per wanted datagram: 100/K crossings.
 * The cost unit is one wanted datagram, so the figures say what each useful datagram costs either way.
 *
 * <p>A third batch, {@link #SEND_ONLY}, sends the same 100 datagrams all unwanted to the filtered socket:
 * the kernel delivers each one as before, runs the filter and drops it, and nothing is received. It is
 * sampled beside the strategies and taken off them, which leaves the receiver's work.
 */
final class FilterWorkload implements Workload {
    /** Datagrams per batch: divisible by the default K values, so that 1 in K is exact. */
    static final int PER_BATCH = 100;

    static final byte WANTED = 'W';
    static final byte UNWANTED = 'x';
    static final String PROGRAM = "wanted-datagram.bpf.tsv";
    // The same layout and room per datagram as the sendmmsg workload: struct mmsghdr, struct iovec.
    private static final int MMSGHDR_BYTES = SendmmsgWorkload.MMSGHDR_BYTES;
    private static final int IOVEC_BYTES = SendmmsgWorkload.IOVEC_BYTES;
    private static final int SLOT_BYTES = SendmmsgWorkload.SLOT_BYTES;
    private static final int RCVBUF_PER_DATAGRAM = SendmmsgWorkload.RCVBUF_PER_DATAGRAM;
    private static final int EAGAIN = 11;
    private static final int EIO = 5;

    static final Strategy DISCARD = new Strategy(
            "discard",
            "sendmmsg",
            "one sendmmsg(2) of 100 datagrams, then 100 recv(2) calls; the unwanted are thrown away in user space",
            1 + PER_BATCH,
            0);
    static final Strategy FILTER = new Strategy(
            "bpf-filter",
            "sendmmsg",
            "one sendmmsg(2) of 100 datagrams to a socket whose BPF filter drops the unwanted, then one recv(2) "
                    + "per wanted datagram",
            1,
            1);
    static final Strategy SEND_ONLY = new Strategy(
            "send-only",
            "sendmmsg",
            "the same sendmmsg(2) of 100 datagrams, all unwanted, to the socket with the filter: each is "
                    + "delivered and dropped by the filter, none is received",
            1,
            0);
    /** The K of {@link #SEND_ONLY}'s batch: no datagram is wanted. */
    private static final int NONE_WANTED = 0;

    private static final int MSG_DONTWAIT = 0x40;
    private static final FilterProgram FILTER_PROGRAM = FilterProgram.load(PROGRAM);
    private static final WorkloadInfo INFO = new WorkloadInfo(
            "filter",
            PER_BATCH + " 1-byte UDP datagrams over loopback, 1 in K wanted: receive all and discard, or let a BPF "
                    + "socket filter drop the rest in the kernel",
            WorkloadInfo.Kind.SELECT,
            "wanted datagram",
            "wanted datagrams",
            List.of(DISCARD, FILTER),
            DISCARD.name(),
            FILTER.name(),
            "the BPF socket filter",
            "receiving everything and discarding in user space",
            "the whole-batch figures include the one sendmmsg of all " + PER_BATCH + " datagrams; on loopback the "
                    + "kernel delivers them, and runs the filter, inside that send. The receiver's figures take off "
                    + "a send alone sampled in the same rounds: the same sendmmsg, every datagram unwanted, to the "
                    + "socket with the filter, which drops them all. What remains is the recv calls, plus for each "
                    + "datagram received the difference between queueing it and dropping it (discard's also less "
                    + "the filter it never runs)",
            new WorkloadInfo.Selection(PER_BATCH, "datagram", FILTER_PROGRAM.listing(), SEND_ONLY));

    @Override
    public WorkloadInfo info() {
        return INFO;
    }

    @Override
    public int[] defaultSizes() {
        return new int[] {1, 2, 10, 100};
    }

    @Override
    public int maxSize() {
        return PER_BATCH;
    }

    @Override
    public String maxSizeReason() {
        return "a batch is " + PER_BATCH + " datagrams, so at most 1 in " + PER_BATCH + " can be wanted";
    }

    @Override
    public Session open(int largest) {
        Resources r = new Resources();
        return Resources.orClose(r, () -> {
            int plain = r.loopbackUdp(RCVBUF_PER_DATAGRAM * PER_BATCH);
            int filtered = r.loopbackUdp(RCVBUF_PER_DATAGRAM * PER_BATCH);
            try {
                SocketFilter.attach(filtered, FILTER_PROGRAM.instructions());
            } catch (NativeCallException e) {
                throw new WorkloadUnavailableException(
                        "the kernel refused the socket filter: " + Errnos.describe(e.errno()), null);
            }
            return new FilterSession(plain, filtered, r);
        });
    }

    /** How many recv calls a batch of {@code strategy} at {@code k} makes. */
    static int receives(Strategy strategy, int k) {
        if (isSendOnly(strategy)) {
            return 0;
        }
        return strategy.name().equals(FILTER.name()) ? INFO.selection().wanted(k) : PER_BATCH;
    }

    private static boolean isSendOnly(Strategy strategy) {
        return strategy.name().equals(SEND_ONLY.name());
    }

    /** The K whose marks {@code strategy}'s batch at {@code k} sends: the send alone sends none wanted. */
    private static int marks(Strategy strategy, int k) {
        return isSendOnly(strategy) ? NONE_WANTED : k;
    }

    static final class FilterSession implements Session {
        private final IpcCalls c = Bindings.ipc(CallPath.LIBC);
        private final int plain;
        private final int filtered;
        private final Resources resources;
        private final NativeMemory marks;
        private final NativeMemory iovs;
        private final NativeMemory slot;
        /** One mmsghdr array per K: datagram i is wanted when i % K == 0 (none for {@link #NONE_WANTED}). */
        private final Map<Integer, NativeMemory> vectors = new HashMap<>();

        FilterSession(int plain, int filtered, Resources resources) {
            this.plain = plain;
            this.filtered = filtered;
            this.resources = resources;
            // Kept by the session's resources: the kernel and the generated code see them only by address.
            marks = resources.keep(NativeMemory.allocate(2));
            iovs = resources.keep(NativeMemory.allocate(2 * IOVEC_BYTES));
            slot = resources.keep(NativeMemory.allocate(SLOT_BYTES));
            marks.putByte(0, WANTED);
            marks.putByte(1, UNWANTED);
            for (int i = 0; i < 2; i++) {
                iovs.putLong((long) i * IOVEC_BYTES, marks.address() + i);
                iovs.putLong((long) i * IOVEC_BYTES + 8, 1);
            }
        }

        /** The socket {@code strategy} sends to and receives on; the send alone goes to the filtered one. */
        int socket(Strategy strategy) {
            return strategy.name().equals(FILTER.name()) || isSendOnly(strategy) ? filtered : plain;
        }

        private long vector(int k) {
            return vectors.computeIfAbsent(k, key -> {
                        NativeMemory vec = resources.keep(NativeMemory.allocate(MMSGHDR_BYTES * PER_BATCH));
                        for (int i = 0; i < PER_BATCH; i++) {
                            boolean wanted = key != NONE_WANTED && i % key == 0;
                            long iov = iovs.address() + (wanted ? 0 : IOVEC_BYTES);
                            vec.putLong((long) i * MMSGHDR_BYTES + 16, iov); // msg_iov
                            vec.putLong((long) i * MMSGHDR_BYTES + 24, 1); // msg_iovlen
                        }
                        return vec;
                    })
                    .address();
        }

        /**
         * One batch in Java: send all, then receive as the strategy does, checking every datagram. Returns
         * the number of recv calls made, or the negated errno (EIO when an unwanted datagram got through the
         * filter, or the wanted ones did not all come).
         */
        @Override
        public Operation batch(Strategy strategy, int k) {
            int fd = socket(strategy);
            long vec = vector(marks(strategy, k));
            int calls = receives(strategy, k);
            int wanted = calls == 0 ? 0 : INFO.selection().wanted(k);
            boolean filtering = strategy.name().equals(FILTER.name());
            return () -> {
                int sent = c.sendmmsg(fd, vec, PER_BATCH, 0);
                if (sent != PER_BATCH) {
                    return sent < 0 ? -Resources.errnoOr(EIO) : -EIO;
                }
                int got = 0;
                for (int i = 0; i < calls; i++) {
                    if (c.recv(fd, slot.address(), SLOT_BYTES, 0) != 1) {
                        return -Resources.errnoOr(EAGAIN);
                    }
                    if (slot.getByte(0) == WANTED) {
                        got++;
                    } else if (filtering) {
                        return -EIO;
                    }
                }
                return got == wanted ? calls : -EIO;
            };
        }

        /**
         * The same batch as generated code: one sendmmsg, then the strategy's recv calls, each expecting
         * one byte. A C receiver would also look at the byte to discard it; that compare is left out here,
         * the Java form (and the tests) check the marks.
         */
        @Override
        public NativeSequence nativeBatch(Strategy strategy, int k) {
            int fd = socket(strategy);
            NativeSequence s = NativeSequence.on(CallPath.LIBC);
            s.call("sendmmsg", fd, vector(marks(strategy, k)), PER_BATCH, 0);
            s.expecting(PER_BATCH);
            for (int i = 0; i < receives(strategy, k); i++) {
                s.call("recv", fd, slot.address(), SLOT_BYTES, 0);
                s.expecting(1);
            }
            return s;
        }

        /**
         * One batch outside the timing, its receive counted: the recv calls that return a datagram, made
         * until the kernel has accounted for every datagram sent (received, or dropped on the socket by
         * the filter, as its drop counter says), then until the queue is empty. The receiver does not
         * rely on knowing 100/K, so the count is the kernel's answer, not the strategy's loop bound.
         */
        @Override
        public CountedCrossings count(Strategy strategy, int k) {
            int fd = socket(strategy);
            long droppedBefore = SocketFilter.drops(fd);
            int sent = Math.max(0, c.sendmmsg(fd, vector(marks(strategy, k)), PER_BATCH, 0));
            long received = 0;
            // A datagram not yet accounted for is still on its way: wait for it (at most the 1 s timeout).
            while (received + SocketFilter.drops(fd) - droppedBefore < sent
                    && c.recv(fd, slot.address(), SLOT_BYTES, 0) >= 0) {
                received++;
            }
            while (c.recv(fd, slot.address(), SLOT_BYTES, MSG_DONTWAIT) >= 0) {
                received++;
            }
            return new CountedCrossings(strategy.name(), k, 1, received, SocketFilter.drops(fd) - droppedBefore);
        }

        @Override
        public String explain(Strategy strategy, int k, int errno) {
            if (errno == EAGAIN) {
                return "fewer datagrams arrived within 1 s than " + strategy.name() + " waits for";
            }
            if (errno == EIO && isSendOnly(strategy)) {
                return "sendmmsg took fewer than " + PER_BATCH + " datagrams";
            }
            if (errno == EIO) {
                return strategy.name().equals(FILTER.name())
                        ? "an unwanted datagram got through the filter, or a wanted one was missing"
                        : "a datagram was short, or not 1 in " + k + " was wanted";
            }
            return null;
        }

        @Override
        public void close() {
            resources.close();
        }
    }
}
