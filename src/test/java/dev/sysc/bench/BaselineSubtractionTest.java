package dev.sysc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BaselineSubtractionTest {
    @Test
    void subtractsPairwise() {
        assertThat(BaselineSubtraction.net(new double[] {150, 160, 155}, new double[] {10, 20, 12}))
                .containsExactly(140, 140, 143);
    }

    @Test
    void refusesUnpairedSamples() {
        assertThatThrownBy(() -> BaselineSubtraction.net(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rawSamplesSubtractOneBaselinePerBridgeCrossingOrNoneWithoutABaseline() {
        RawSamples paired = new RawSamples(new double[] {150, 160}, new double[] {10, 20}, 1);
        assertThat(paired.net()).containsExactly(140, 140);
        assertThat(paired.net(3)).containsExactly(120, 100);
        assertThat(new RawSamples(new double[] {150, 160}, null, 1).net(3)).containsExactly(150, 160);
    }
}
