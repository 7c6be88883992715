package dev.sysc.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sysc.bench.RawSamples;
import org.junit.jupiter.api.Test;

/** The sweep's arithmetic on known data: baseline per native call, fits, break-even. */
class BatchSweepTest {
    private static final int[] SIZES = {1, 2, 4, 8, 16, 32, 64};

    @Test
    void eachNativeCallPaysOneBaseline() {
        RawSamples s = new RawSamples(new double[] {1000, 1010, 990}, new double[] {10, 10, 10}, 1);

        assertThat(BatchSweep.netPerBatch(s, 1)).isEqualTo(1000 - 10);
        assertThat(BatchSweep.netPerBatch(s, 64)).isEqualTo(1000 - 640);
        assertThat(BatchSweep.netPerBatch(new RawSamples(new double[] {5, 7, 6}, null, 1), 64))
                .isEqualTo(6);
    }

    @Test
    void ioUringShapedDataGivesItsLineAndBreakEven() {
        WorkloadInfo info = new IoUringWorkload(RingFactory.KERNEL).info();
        double[] loop = new double[SIZES.length];
        double[] ring = new double[SIZES.length];
        for (int k = 0; k < SIZES.length; k++) {
            loop[k] = 150;
            ring[k] = (400 + 25.0 * SIZES[k]) / SIZES[k]; // 400 ns a crossing, 25 ns a request
        }

        WorkloadResult r = BatchSweep.summarize(info, SIZES, new double[][] {loop, ring});

        assertThat(r.available()).isTrue();
        assertThat(r.fit().strategy()).isEqualTo("io_uring");
        assertThat(r.fit().fixedNs()).isCloseTo(400, within(1e-6));
        assertThat(r.fit().perOpNs()).isCloseTo(25, within(1e-9));
        assertThat(r.fit().r2()).isCloseTo(1, within(1e-9));
        // per op 400/n + 25 < 150 ⇔ n > 3.2: 4 is the first size measured from which io_uring is cheaper.
        assertThat(r.breakEven()).isEqualTo(4);
        assertThat(r.loopPerOp()).isEqualTo(150);
        assertThat(r.series()).extracting(BatchSeries::strategy).containsExactly("syscall-loop", "io_uring");
        assertThat(r.series(info.batched()).orElseThrow().at(64)).isCloseTo(400.0 / 64 + 25, within(1e-9));
    }

    @Test
    void readShapedDataGivesFixedAndPerByteCost() {
        WorkloadInfo info = new ReadWorkload().info();
        int[] bytes = BatchSizes.powersOfTwo(1, 1 << 20);
        double[] perByte = new double[bytes.length];
        for (int k = 0; k < bytes.length; k++) {
            perByte[k] = (250 + 0.02 * bytes[k]) / bytes[k];
        }

        WorkloadResult r = BatchSweep.summarize(info, bytes, new double[][] {perByte});

        assertThat(r.fit().fixedNs()).isCloseTo(250, within(1e-6));
        assertThat(r.fit().perOpNs()).isCloseTo(0.02, within(1e-9));
        // The bytes cost 250 ns at 12,500 bytes: 16 KiB is the first size measured past that.
        assertThat(r.breakEven()).isEqualTo(16384);
        assertThat(r.loopPerOp()).isNaN();
    }

    @Test
    void oneSizeIsTooFewForALine() {
        WorkloadInfo info = new WriteWorkload().info();
        WorkloadResult r = BatchSweep.summarize(info, new int[] {8}, new double[][] {{100}, {20}, {10}});

        assertThat(r.fit()).isNull();
        assertThat(r.breakEven()).isEqualTo(8);
    }

    @Test
    void sizesParseSortAndRefuse() {
        assertThat(BatchSizes.parse("4, 1,2,4")).containsExactly(1, 2, 4);
        assertThat(BatchSizes.powersOfTwo(1, 256)).containsExactly(1, 2, 4, 8, 16, 32, 64, 128, 256);
        for (String bad : new String[] {"x", "0", "-1", "1,,2", "", "1.5", "99999999999"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> BatchSizes.parse(bad))
                    .as(bad)
                    .hasMessageEndingWith("is not a positive integer");
        }
    }
}
