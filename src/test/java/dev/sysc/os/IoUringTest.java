package dev.sysc.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The ring driven natively: setup, NOP round trips of one and of many, teardown that leaves no descriptor behind. */
class IoUringTest {
    static long openFds() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

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
        long before = openFds();

        IoUring ring = openOrSkip(256);
        assertThat(openFds()).isEqualTo(before + 1);
        assertThat(ring.entries()).isEqualTo(256);
        assertThat(ring.nops(1)).isEqualTo(1);
        assertThat(ring.nops(64)).isEqualTo(64);
        // Round the ring several times: head and tail wrap past the mask.
        for (int i = 0; i < 20; i++) {
            assertThat(ring.nops(256)).isEqualTo(256);
        }
        ring.close();
        ring.close(); // idempotent

        assertThat(openFds()).isEqualTo(before);
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
}
