package dev.sysc.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MannWhitneyTest {
    @Test
    void textbookExampleWithTies() {
        // Two-sided p = 0.518023 by the normal approximation with tie and continuity corrections (the
        // value R's wilcox.test and DolphinDB's mannWhitneyUTest print for these samples). Counting pairs
        // by hand: U for the first sample is 5 + 2 + 4 + 3 + 5 = 19 (a tie counts a half); its mirror is 11.
        double[] x = {5, 1, 4, 3, 5};
        double[] y = {2, 4, 7, -1, 0, 4};
        assertThat(MannWhitney.u(x, y)).isEqualTo(19);
        assertThat(MannWhitney.u(y, x)).isEqualTo(11);
        assertThat(MannWhitney.pValue(x, y)).isCloseTo(0.518023, within(1e-6));
    }

    @Test
    void exactSmallSampleWithoutTies() {
        // Complete separation of 4 and 4 values: U = 16, exact two-sided p = 2 / C(8,4) = 2/70.
        double[] x = {10, 11, 12, 13};
        double[] y = {1, 2, 3, 4};
        assertThat(MannWhitney.u(x, y)).isEqualTo(16);
        assertThat(MannWhitney.pValue(x, y)).isCloseTo(2.0 / 70, within(1e-12));
    }

    @Test
    void identicalSamplesAreNotSignificant() {
        double[] a = new double[200];
        for (int i = 0; i < a.length; i++) {
            a[i] = 100 + (i * 37 % 11);
        }
        assertThat(MannWhitney.pValue(a, a.clone())).isGreaterThan(0.9);
    }

    @Test
    void aFortyPercentShiftIsSignificant() {
        double[] a = new double[200];
        double[] b = new double[200];
        for (int i = 0; i < a.length; i++) {
            a[i] = 100 + (i * 37 % 11);
            b[i] = a[i] * 1.4;
        }
        assertThat(MannWhitney.pValue(a, b)).isLessThan(1e-10);
    }
}
