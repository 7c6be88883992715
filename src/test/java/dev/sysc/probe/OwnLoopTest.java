package dev.sysc.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OwnLoopTest {
    @Test
    void eachOperationGetsItsOwnCopyOfTheLoop() {
        AtomicLong a = new AtomicLong();
        AtomicLong b = new AtomicLong();
        OwnLoop first = OwnLoop.of(a::incrementAndGet);
        OwnLoop second = OwnLoop.of(b::incrementAndGet);
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(first.run(1000)).isEqualTo(1000);
        assertThat(second.run(10)).isEqualTo(10);
        // Separate copies, separate state: each ran its own operation only.
        assertThat(a.get()).isEqualTo(1000);
        assertThat(b.get()).isEqualTo(10);
    }

    @Test
    void stopsAtTheFirstFailureAndKeepsWhatItReturned() {
        AtomicLong calls = new AtomicLong();
        OwnLoop loop = OwnLoop.of(() -> calls.incrementAndGet() == 7 ? -13 : 0);
        assertThat(loop.run(100)).isEqualTo(6);
        assertThat(loop.failedResult()).isEqualTo(-13);
    }

    @Test
    void aProbeReportsTheNegatedErrnoOfItsOwnLoop() {
        CallRef call = Catalog.builtIn().resolve("io_uring_nop");
        Probe p = Probe.returningErrno(call, () -> -1);
        assertThat(p.run(5)).isZero();
        assertThat(p.errno()).isEqualTo(1);
    }
}
