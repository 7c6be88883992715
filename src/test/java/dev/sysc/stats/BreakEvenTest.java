package dev.sysc.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BreakEvenTest {
    private static final int[] SIZES = {1, 2, 4, 8, 16, 32, 64};

    @Test
    void firstSizeFromWhichTheBatchStaysCheaper() {
        double[] loop = {100, 100, 100, 100, 100, 100, 100};
        double[] batched = {400, 200, 100, 50, 25, 12.5, 6.25}; // 400 ns a batch: equal at 4, cheaper from 8

        assertThat(BreakEven.fromPoints(SIZES, loop, batched)).hasValue(8);
    }

    @Test
    void aLuckyDipBeforeTheCrossingDoesNotCount() {
        double[] loop = {100, 100, 100, 100, 100, 100, 100};
        double[] batched = {300, 90, 120, 60, 30, 20, 10};

        assertThat(BreakEven.fromPoints(SIZES, loop, batched)).hasValue(8);
    }

    @Test
    void cheaperEverywhereIsTheFirstSizeAndNeverIsEmpty() {
        double[] loop = {100, 100, 100, 100, 100, 100, 100};

        assertThat(BreakEven.fromPoints(SIZES, loop, new double[] {99, 90, 80, 70, 60, 50, 40}))
                .hasValue(1);
        assertThat(BreakEven.fromPoints(SIZES, loop, new double[] {300, 200, 150, 120, 110, 105, 101}))
                .isEmpty();
        // Cheaper in the middle but not at the largest size: no size from which it stays cheaper.
        assertThat(BreakEven.fromPoints(SIZES, loop, new double[] {300, 90, 80, 70, 60, 50, 120}))
                .isEmpty();
    }

    @Test
    void fromTheFitSolvesFixedOverTheMargin() {
        // fixed 400, 20 per op, loop 100: per op 400/n + 20 < 100 ⇔ n > 5.
        assertThat(BreakEven.fromFit(400, 20, 100)).hasValue(6);
        // Exactly at the margin (n = 5 gives equality): strictly cheaper from 6.
        assertThat(BreakEven.fromFit(100, 0, 20)).hasValue(6);
        assertThat(BreakEven.fromFit(0, 10, 100)).hasValue(1);
        assertThat(BreakEven.fromFit(400, 100, 100)).isEmpty();
        assertThat(BreakEven.fromFit(400, 120, 100)).isEmpty();
    }

    @Test
    void bufferSizeFromWhichTheBytesCostMoreThanTheCall() {
        int[] bytes = {1, 1024, 4096, 16384, 65536};
        // fixed 200 ns, 0.02 ns a byte: the bytes reach 200 ns at 10,000 bytes.
        assertThat(BreakEven.whereVariableDominates(bytes, 200, 0.02)).hasValue(16384);
        assertThat(BreakEven.whereVariableDominates(bytes, 1e9, 0.02)).isEmpty();
    }
}
