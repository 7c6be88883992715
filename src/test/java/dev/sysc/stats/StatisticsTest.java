package dev.sysc.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void summarizesOneToTen() {
        double[] values = {7, 1, 10, 4, 2, 9, 3, 8, 6, 5};
        Summary s = Statistics.summarize(values);
        assertThat(s.n()).isEqualTo(10);
        assertThat(s.median()).isEqualTo(5.5);
        assertThat(s.mean()).isEqualTo(5.5);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(10);
        // Definition 7: h = (n-1)p = 0.45 → 1 + 0.45 × (2 − 1); p95: h = 8.55 → 9 + 0.55.
        assertThat(s.p05()).isCloseTo(1.45, within(1e-12));
        assertThat(s.p95()).isCloseTo(9.55, within(1e-12));
        // Sample variance of 1..10 is 55/6.
        assertThat(s.stddev()).isCloseTo(Math.sqrt(55.0 / 6), within(1e-12));
        assertThat(s.cv()).isCloseTo(Math.sqrt(55.0 / 6) / 5.5, within(1e-12));
        assertThat(s.lowOutliers()).isZero();
        assertThat(s.highOutliers()).isZero();
    }

    @Test
    void flagsValuesOutsideTukeyFences() {
        // Q1 = 2, Q3 = 4 (n=5 with interpolation) → fences at −1 and 7.
        double[] values = {2, 3, 3, 4, 100, -50, 3, 2, 4};
        Summary s = Statistics.summarize(values);
        assertThat(s.highOutliers()).isEqualTo(1);
        assertThat(s.lowOutliers()).isEqualTo(1);
    }

    @Test
    void singleSampleHasNoSpread() {
        Summary s = Statistics.summarize(new double[] {42});
        assertThat(s.median()).isEqualTo(42);
        assertThat(s.p05()).isEqualTo(42);
        assertThat(s.stddev()).isZero();
        assertThat(s.cv()).isZero();
    }

    @Test
    void cvIsZeroForZeroMean() {
        assertThat(Statistics.summarize(new double[] {-1, 1}).cv()).isZero();
    }

    @Test
    void rejectsEmptyInput() {
        assertThatThrownBy(() -> Statistics.summarize(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentileAtTheEnds() {
        double[] values = {3, 1, 2};
        assertThat(Statistics.percentile(values, 0)).isEqualTo(1);
        assertThat(Statistics.percentile(values, 100)).isEqualTo(3);
        assertThat(Statistics.percentile(values, 50)).isEqualTo(2);
    }

    @Test
    void robustCvIgnoresRareSpikes() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 + (i % 2); // 100, 101, 100, ...
        }
        values[7] = 10_000;
        values[42] = 5_000;
        // Left: 49 × 100, 49 × 101 and the two spikes, so the median is 101 and the median
        // absolute deviation is 1: robust cv = 1.4826 × 1 / 101, whatever the spikes' size.
        assertThat(Statistics.robustCv(values)).isCloseTo(1.4826 / 101, within(1e-9));
        assertThat(Statistics.summarize(values).cv()).isGreaterThan(1);
    }
}
