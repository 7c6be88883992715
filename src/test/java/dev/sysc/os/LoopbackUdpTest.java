package dev.sysc.os;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loopback socket and the generated receive loop, with real datagrams. */
@org.junit.jupiter.api.Tag("slow")
class LoopbackUdpTest {
    private static final int EAGAIN = 11;
    private static final int MMSGHDR_BYTES = 64;
    private static final int SLOT_BYTES = 8;

    /** An array of {@code count} mmsghdr, message i receiving into its own 8-byte slot. */
    private static final class ReceiveVector {
        final NativeMemory slots;
        final NativeMemory iovs;
        final NativeMemory vec;

        ReceiveVector(int count) {
            slots = NativeMemory.allocate(SLOT_BYTES * count);
            iovs = NativeMemory.allocate(16 * count);
            vec = NativeMemory.allocate(MMSGHDR_BYTES * count);
            for (int i = 0; i < count; i++) {
                iovs.putLong(16L * i, slots.address() + (long) SLOT_BYTES * i);
                iovs.putLong(16L * i + 8, SLOT_BYTES);
                vec.putLong((long) MMSGHDR_BYTES * i + 16, iovs.address() + 16L * i);
                vec.putLong((long) MMSGHDR_BYTES * i + 24, 1);
            }
        }
    }

    @Test
    void theGeneratedReceiverTakesEveryDatagramOfEachIteration() {
        Opened opened = new Opened();
        try (opened) {
            int fd = LoopbackUdp.open(1 << 20, 1, opened::fd);
            NativeMemory payload = NativeMemory.allocate(1);
            ReceiveVector rv = new ReceiveVector(5);
            NativeSequence s = NativeSequence.on(CallPath.LIBC);
            for (int i = 0; i < 5; i++) {
                payload.putByte(0, (byte) 'x');
                s.call("send", fd, payload.address(), 1, 0);
                s.expecting(1);
            }
            LoopbackUdp.receiveAllNatively(s, fd, rv.vec.address(), 5);
            try (NativeLoop loop = s.compile(ExecutablePages.SYSTEM)) {
                assertThat(loop.run(200))
                        .as("errno %d at step %d", loop.errno(), loop.failedStep())
                        .isEqualTo(200);
            }
            for (int i = 0; i < 5; i++) {
                assertThat(rv.vec.getInt((long) MMSGHDR_BYTES * i + 56))
                        .as("msg_len of datagram " + i)
                        .isEqualTo(1);
                assertThat(rv.slots.getByte((long) SLOT_BYTES * i)).isEqualTo((byte) 'x');
            }
            // Everything sent was received: nothing is left queued for the next iteration.
            NativeSequence empty = NativeSequence.on(CallPath.LIBC);
            empty.call("recv", fd, rv.slots.address(), 1, 0x40); // MSG_DONTWAIT
            try (NativeLoop loop = empty.compile(ExecutablePages.SYSTEM)) {
                assertThat(loop.run(1)).isZero();
                assertThat(loop.errno()).isEqualTo(EAGAIN);
            }
            java.lang.ref.Reference.reachabilityFence(payload);
            java.lang.ref.Reference.reachabilityFence(rv);
        }
    }

    @Test
    void aDatagramThatNeverComesEndsInEagainAfterTheReceiveTimeout() {
        Opened opened = new Opened();
        try (opened) {
            int fd = LoopbackUdp.open(0, 1, opened::fd);
            NativeMemory payload = NativeMemory.allocate(1);
            ReceiveVector rv = new ReceiveVector(3);
            NativeSequence s = NativeSequence.on(CallPath.LIBC);
            s.call("send", fd, payload.address(), 1, 0);
            s.call("send", fd, payload.address(), 1, 0);
            LoopbackUdp.receiveAllNatively(s, fd, rv.vec.address(), 3); // three expected, two sent
            try (NativeLoop loop = s.compile(ExecutablePages.SYSTEM)) {
                assertThat(loop.run(1)).isZero();
                assertThat(loop.failedStep()).isEqualTo(2);
                assertThat(loop.errno()).isEqualTo(EAGAIN);
            }
            java.lang.ref.Reference.reachabilityFence(payload);
            java.lang.ref.Reference.reachabilityFence(rv);
        }
    }
}
