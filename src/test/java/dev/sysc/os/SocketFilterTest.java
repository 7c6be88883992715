package dev.sysc.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Classic BPF socket filters on a real loopback socket: attached, read back, refused when malformed. */
class SocketFilterTest {
    private static final int EINVAL = 22;
    private static final List<SocketFilter.Instruction> DROP_ALL = List.of(new SocketFilter.Instruction(0x06, 0, 0, 0));

    @Test
    void anAttachedFilterIsReadBackAndDropsWhatItRefuses() {
        try (Opened opened = new Opened()) {
            int fd = LoopbackUdp.open(0, 1, opened::fd);
            assertThat(SocketFilter.attachedLength(fd)).isZero();

            SocketFilter.attach(fd, DROP_ALL);

            assertThat(SocketFilter.attachedLength(fd)).isEqualTo(1);
            NativeMemory payload = NativeMemory.allocate(1);
            IpcCalls c = Bindings.ipc(CallPath.LIBC);
            assertThat(c.send(fd, payload.address(), 1, 0))
                    .as("the send itself succeeds")
                    .isEqualTo(1);
            assertThat(SocketFilter.drops(fd))
                    .as("the kernel dropped it at the socket")
                    .isEqualTo(1);
            assertThat(c.recv(fd, payload.address(), 1, 0x40)).isEqualTo(-1); // MSG_DONTWAIT: nothing queued
            java.lang.ref.Reference.reachabilityFence(payload);
        }
    }

    @Test
    void aProgramTheKernelRejectsIsANativeCallExceptionWithEinval() {
        try (Opened opened = new Opened()) {
            int fd = LoopbackUdp.open(0, 1, opened::fd);
            // A load with no return after it: the checker refuses a program that can fall off its end.
            List<SocketFilter.Instruction> noReturn = List.of(new SocketFilter.Instruction(0x30, 0, 0, 8));

            assertThatThrownBy(() -> SocketFilter.attach(fd, noReturn))
                    .isInstanceOfSatisfying(NativeCallException.class, e -> {
                        assertThat(e.call()).isEqualTo("setsockopt(SO_ATTACH_FILTER)");
                        assertThat(e.errno()).isEqualTo(EINVAL);
                    });
            assertThat(SocketFilter.attachedLength(fd)).isZero();
        }
    }
}
