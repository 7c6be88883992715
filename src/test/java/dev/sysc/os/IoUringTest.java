package dev.sysc.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The ring driven natively: setup, NOP round trips of one and of many, teardown that leaves no descriptor behind. */
class IoUringTest {
    private static IoUring openOrSkip(int entries) {
        try {
            return IoUring.open(entries);
        } catch (NativeCallException e) {
            assumeTrue(false, "this kernel refuses io_uring here: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void nopRoundTripsAndCloseReleasesTheRing() throws IOException {
        Bindings.syscalls(); // bind first, so that binding's own descriptors are not counted
        Bindings.memory(CallPath.LIBC);
        Bindings.file(CallPath.LIBC);
        var before = OpenDescriptors.now();

        IoUring ring = openOrSkip(256);
        assertThat(OpenDescriptors.openedSince(before).values())
                .as("the ring's one descriptor")
                .singleElement()
                .asString()
                .contains("io_uring");
        assertThat(ring.entries()).isEqualTo(256);
        assertThat(ring.nops(1)).isEqualTo(1);
        assertThat(ring.nops(64)).isEqualTo(64);
        // Round the ring several times: head and tail wrap past the mask.
        for (int i = 0; i < 20; i++) {
            assertThat(ring.nops(256)).isEqualTo(256);
        }
        ring.close();
        ring.close(); // idempotent

        assertThat(OpenDescriptors.openedSince(before))
                .as("descriptors left open")
                .isEmpty();
    }

    @Test
    void refusalCarriesTheErrno() {
        // 0 entries is invalid: the kernel answers EINVAL, and the exception says which call and why.
        try {
            IoUring.open(0).close();
        } catch (NativeCallException e) {
            assertThat(e.call()).isEqualTo("io_uring_setup");
            assertThat(e.errno()).isPositive();
            assertThat(e.getMessage()).startsWith("io_uring_setup failed: E");
            return;
        }
        throw new AssertionError("io_uring_setup accepted 0 entries");
    }

    @Test
    void generatedCodeDrivesTheRingOnEveryPath() {
        for (CallPath path : new CallPath[] {CallPath.SYSCALL, CallPath.RAW}) {
            try (IoUring ring = openOrSkip(64)) {
                NativeSequence s = NativeSequence.on(path);
                ring.nopsNatively(s, 8);
                try (NativeLoop loop = s.compile(ExecutablePages.SYSTEM)) {
                    // 100 batches of 8 go round the 64-slot ring many times; each completion is checked.
                    assertThat(loop.run(100)).as(path.id()).isEqualTo(100);
                }
                // The Java driver picks up where the generated code left the heads and tails.
                assertThat(ring.nops(64)).isEqualTo(64);
            }
        }
    }

    @Test
    void aFailedEnterStopsTheNativeLoopWithItsErrno() {
        try (IoUring ring = openOrSkip(8)) {
            NativeSequence s = NativeSequence.on(CallPath.RAW);
            assertThatThrownBy(() -> ring.nopsNatively(s, 9)).isInstanceOf(IllegalArgumentException.class);
            ring.nopsNatively(s, 8);
            // An enter on a descriptor that is no ring: the loop stops at once with the kernel's EBADF.
            NativeSequence tooMany = NativeSequence.on(CallPath.RAW);
            tooMany.syscall("io_uring_enter", 987_654, 1, 1, 1, 0); // not an io_uring descriptor
            try (NativeLoop loop = tooMany.compile(ExecutablePages.SYSTEM)) {
                assertThat(loop.run(3)).isZero();
                assertThat(loop.errno()).isEqualTo(9); // EBADF
            }
        }
    }
}
