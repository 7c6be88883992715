package dev.sysc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.stats.Statistics;
import org.junit.jupiter.api.Test;

class NoiseCheckTest {
    private static boolean noisy(double[] v) {
        return NoiseCheck.noisy(v, Statistics.summarize(v));
    }

    private static double[] alternating(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 2 == 0 ? a : b;
        }
        return v;
    }

    @Test
    void tightSamplesWithRareSpikesAreQuiet() {
        double[] v = alternating(150, 151, 1000);
        v[10] = 900;
        v[500] = 2000;
        assertThat(noisy(v)).isFalse();
    }

    @Test
    void widelySpreadSamplesAreNoisy() {
        assertThat(noisy(alternating(100, 140, 1000))).isTrue();
    }

    @Test
    void smallAbsoluteJitterOnACheapCallIsQuiet() {
        // ±1 ns around 10 ns is 10 % relative, but below the absolute floor.
        assertThat(noisy(alternating(9, 11, 1000))).isFalse();
    }

    @Test
    void manyOutliersAreNoisy() {
        double[] v = alternating(150, 151, 1000);
        for (int i = 0; i < 200; i++) {
            v[i * 5] = 220; // a fifth of the samples in a slow state
        }
        assertThat(noisy(v)).isTrue();
    }
}
