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
