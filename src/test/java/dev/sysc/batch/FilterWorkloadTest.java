package dev.sysc.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.os.Bindings;
import dev.sysc.os.CallPath;
import dev.sysc.os.Errnos;
import dev.sysc.os.ExecutablePages;
import dev.sysc.os.NativeLoop;
import dev.sysc.os.NativeMemory;
import dev.sysc.os.OpenDescriptors;
import dev.sysc.os.SocketFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filter workload with real sockets and the real BPF program: the receiver's crossings drop by K,
 * counted twice (the recv calls a batch makes, and the kernel's own count of datagrams it dropped on the
 * socket), nothing unwanted is queued, and the sockets, with their filter, are closed at the end.
 */
@org.junit.jupiter.api.Tag("slow")
class FilterWorkloadTest {
    private static final int N = FilterWorkload.PER_BATCH;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int EAGAIN = 11;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 100})
    void withTheFilterTheReceiverCrossesOncePerWantedDatagramAndTheKernelDropsTheRest(int k) {
        try (FilterWorkload.FilterSession session = (FilterWorkload.FilterSession) new FilterWorkload().open(k)) {
            int fd = session.socket(FilterWorkload.FILTER);
            long droppedBefore = SocketFilter.drops(fd);

            long recvCalls = session.batch(FilterWorkload.FILTER, k).invoke();

            assertThat(recvCalls).as("recv calls for 1 in %d of %d", k, N).isEqualTo(N / k);
            assertThat(SocketFilter.drops(fd) - droppedBefore)
                    .as("datagrams the kernel dropped on the socket")
                    .isEqualTo(N - N / k);
            assertNothingQueued(fd);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100})
    void withoutTheFilterTheReceiverCrossesForEveryDatagram(int k) {
        try (FilterWorkload.FilterSession session = (FilterWorkload.FilterSession) new FilterWorkload().open(k)) {
            int fd = session.socket(FilterWorkload.DISCARD);
            long droppedBefore = SocketFilter.drops(fd);

            long recvCalls = session.batch(FilterWorkload.DISCARD, k).invoke();

            assertThat(recvCalls).isEqualTo(N);
            assertThat(SocketFilter.drops(fd) - droppedBefore).isZero();
            assertNothingQueued(fd);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100})
    void theCountIsWhatTheKernelDeliveredAndDroppedNotTheStrategysLoopBound(int k) {
        try (FilterWorkload.FilterSession session = (FilterWorkload.FilterSession) new FilterWorkload().open(k)) {
            CountedCrossings discard = session.count(FilterWorkload.DISCARD, k);
            CountedCrossings filter = session.count(FilterWorkload.FILTER, k);

            assertThat(discard).isEqualTo(new CountedCrossings("discard", k, 1, N, 0));
            assertThat(filter)
                    .as("one recv per wanted datagram, the rest dropped on the socket")
                    .isEqualTo(new CountedCrossings("bpf-filter", k, 1, N / k, N - N / k));
            assertThat(discard.recvCalls() / filter.recvCalls()).isEqualTo(k);
            assertNothingQueued(session.socket(FilterWorkload.DISCARD));
            assertNothingQueued(session.socket(FilterWorkload.FILTER));
        }
    }

    @Test
    void aDatagramLeftInTheQueueIsCountedAsTheReceiverMustTakeItToo() {
        try (FilterWorkload.FilterSession session = (FilterWorkload.FilterSession) new FilterWorkload().open(10)) {
            int fd = session.socket(FilterWorkload.FILTER);
            // A wanted datagram already queued before the batch: the receiver has one more to take.
            NativeMemory mark = NativeMemory.allocate(1);
            mark.putByte(0, FilterWorkload.WANTED);
            assertThat(Bindings.ipc(CallPath.LIBC).send(fd, mark.address(), 1, 0))
                    .isEqualTo(1);

            assertThat(session.count(FilterWorkload.FILTER, 10).recvCalls()).isEqualTo(11);
            assertNothingQueued(fd);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void theSendAloneDeliversEveryDatagramToTheFilterWhichDropsThemAll(int k) {
        try (FilterWorkload.FilterSession session = (FilterWorkload.FilterSession) new FilterWorkload().open(k)) {
            int fd = session.socket(FilterWorkload.SEND_ONLY);
            assertThat(fd).as("the socket with the filter").isEqualTo(session.socket(FilterWorkload.FILTER));
            long droppedBefore = SocketFilter.drops(fd);

            assertThat(session.batch(FilterWorkload.SEND_ONLY, k).invoke())
                    .as("recv calls")
                    .isZero();
            try (NativeLoop loop =
                    session.nativeBatch(FilterWorkload.SEND_ONLY, k).compile(ExecutablePages.SYSTEM)) {
                assertThat(loop.run(2))
                        .as("errno %d at step %d", loop.errno(), loop.failedStep())
                        .isEqualTo(2);
            }

            assertThat(SocketFilter.drops(fd) - droppedBefore)
                    .as("dropped by the filter")
                    .isEqualTo(3L * N);
            assertNothingQueued(fd);
            assertThat(session.count(FilterWorkload.SEND_ONLY, k))
                    .isEqualTo(new CountedCrossings("send-only", k, 1, 0, N));
        }
    }

    @Test
    void theGeneratedBatchMakesOneRecvPerWantedDatagramAndLeavesTheQueueEmpty() {
        int k = 10;
        try (FilterWorkload.FilterSession session = (FilterWorkload.FilterSession) new FilterWorkload().open(k)) {
            int fd = session.socket(FilterWorkload.FILTER);
            long droppedBefore = SocketFilter.drops(fd);
            var sequence = session.nativeBatch(FilterWorkload.FILTER, k);
            try (NativeLoop loop = sequence.compile(ExecutablePages.SYSTEM)) {
                assertThat(loop.run(3))
                        .as("errno %d at step %d", loop.errno(), loop.failedStep())
                        .isEqualTo(3);
            }
            assertThat(SocketFilter.drops(fd) - droppedBefore).isEqualTo(3L * (N - N / k));
            assertNothingQueued(fd);
            // One sendmmsg, then 10 recv calls, each a step: an 11th would wait for a datagram that never
            // comes and fail with EAGAIN, which the run above would have reported.
            var discard = session.nativeBatch(FilterWorkload.DISCARD, k);
            try (NativeLoop loop = discard.compile(ExecutablePages.SYSTEM)) {
                assertThat(loop.run(2)).isEqualTo(2);
            }
            assertNothingQueued(session.socket(FilterWorkload.DISCARD));
        }
    }

    @Test
    void theProgramIsAttachedWhileTheWorkloadRunsAndEverySocketIsClosedAfter() {
        new FilterWorkload().open(1).close(); // bind everything once, so that jnr's own descriptors are not counted
        var before = OpenDescriptors.now();

        try (FilterWorkload.FilterSession session = (FilterWorkload.FilterSession) new FilterWorkload().open(100)) {
            assertThat(OpenDescriptors.openedSince(before))
                    .as("the two sockets")
                    .hasSize(2)
                    .allSatisfy((fd, target) -> assertThat(target).startsWith("socket:"));
            assertThat(SocketFilter.attachedLength(session.socket(FilterWorkload.FILTER)))
                    .isEqualTo(4);
            assertThat(SocketFilter.attachedLength(session.socket(FilterWorkload.DISCARD)))
                    .isZero();
            // Counting and the send alone use the same two sockets: nothing more is opened.
            session.count(FilterWorkload.SEND_ONLY, 100);
            session.count(FilterWorkload.FILTER, 100);
            session.count(FilterWorkload.DISCARD, 100);
            assertThat(OpenDescriptors.openedSince(before)).hasSize(2);
        }

        // The filter has no descriptor of its own: the kernel frees it with the last reference to its socket.
        assertThat(OpenDescriptors.openedSince(before)).isEmpty();
    }

    @Test
    void theProgramIsDataAndItsListingSaysWhatEachInstructionDoes() {
        FilterProgram p = FilterProgram.load(FilterWorkload.PROGRAM);

        assertThat(p.instructions()).hasSize(4);
        assertThat(p.listing())
                .containsExactly(
                        "(000) ldb [8]                      ; load the payload's first byte (it follows the 8-byte UDP header)",
                        "(001) jeq #0x57, jt 2, jf 3        ; is it 'W', the mark of a wanted datagram?",
                        "(002) ret #0xffffffff              ; yes: keep all of it",
                        "(003) ret #0                       ; no: drop it");
        assertThat(FilterWorkload.FILTER.nativeCalls(new FilterWorkload().info().operations(10)))
                .as("crossings of a filtered batch at K = 10: one sendmmsg, ten recv")
                .isEqualTo(11);
        assertThat(FilterWorkload.DISCARD.nativeCalls(
                        new FilterWorkload().info().operations(10)))
                .isEqualTo(101);
    }

    private static void assertNothingQueued(int fd) {
        NativeMemory buf = NativeMemory.allocate(8);
        long r = Bindings.ipc(CallPath.LIBC).recv(fd, buf.address(), 8, MSG_DONTWAIT);
        assertThat(r).as("a datagram left in the queue").isEqualTo(-1);
        assertThat(Errnos.last()).isEqualTo(EAGAIN);
    }
}
