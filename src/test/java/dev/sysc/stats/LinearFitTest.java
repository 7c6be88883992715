package dev.sysc.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearFitTest {
    @Test
    void exactLineIsRecovered() {
        double[] x = {1, 2, 4, 8, 16};
        double[] y = {5, 7, 11, 19, 35}; // 3 + 2x

        LinearFit f = LinearFit.ordinary(x, y);

        assertThat(f.intercept()).isCloseTo(3, within(1e-12));
        assertThat(f.slope()).isCloseTo(2, within(1e-12));
        assertThat(f.r2()).isCloseTo(1, within(1e-12));
        assertThat(f.at(10)).isCloseTo(23, within(1e-12));
    }

    @Test
    void ordinaryLeastSquaresOnTheTextbookExample() {
        // x 1..5, y 2 4 5 4 5: slope 0.6, intercept 2.2, r² 0.6 (worked by hand: Sxy 6, Sxx 10, Syy 6).
        LinearFit f = LinearFit.ordinary(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5});

        assertThat(f.slope()).isCloseTo(0.6, within(1e-12));
        assertThat(f.intercept()).isCloseTo(2.2, within(1e-12));
        assertThat(f.r2()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void weightsPullTheLineTowardsHeavyPoints() {
        double[] x = {0, 1, 2};
        double[] y = {0, 1, 4};
        // Weight only on the first two points (the third almost ignored): the line goes through them.
        LinearFit f = LinearFit.weighted(x, y, new double[] {1e6, 1e6, 1e-9});

        assertThat(f.intercept()).isCloseTo(0, within(1e-6));
        assertThat(f.slope()).isCloseTo(1, within(1e-6));
    }

    @Test
    void relativeFitKeepsTheInterceptWhenBigPointsAreNoisy() {
        // cost = 200 ns + 0.02 ns/byte, with 1 % noise on every point (alternating sign).
        double[] x = new double[21];
        double[] y = new double[21];
        for (int i = 0; i < 21; i++) {
            x[i] = 1 << i;
            y[i] = (200 + 0.02 * x[i]) * (i % 2 == 0 ? 1.01 : 0.99);
        }

        LinearFit relative = LinearFit.relative(x, y);
        LinearFit ordinary = LinearFit.ordinary(x, y);

        assertThat(relative.intercept()).isCloseTo(200, within(5.0));
        assertThat(relative.slope()).isCloseTo(0.02, within(0.001));
        // Unweighted, the 1 MiB point's 1 % (about 210 ns) lands on the intercept.
        assertThat(Math.abs(ordinary.intercept() - 200)).isGreaterThan(Math.abs(relative.intercept() - 200));
    }

    @Test
    void refusesWhatIsNotALine() {
        assertThatThrownBy(() -> LinearFit.ordinary(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearFit.ordinary(new double[] {2, 2}, new double[] {1, 3}))
                .hasMessageContaining("distinct x");
        assertThatThrownBy(() -> LinearFit.ordinary(new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> LinearFit.relative(new double[] {1, 2}, new double[] {0, 1}))
                .hasMessageContaining("non-zero");
    }
}
