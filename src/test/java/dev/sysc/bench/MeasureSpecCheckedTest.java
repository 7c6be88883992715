package dev.sysc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysc.exit.ExitCodes;
import dev.sysc.probe.LoopKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a user typed, checked below the command line: the same rules for measure, compare and batch. */
class MeasureSpecCheckedTest {
    private static MeasureSpec checked(Duration time, Duration warmup, Integer samples, Integer seccomp) {
        return MeasureSpec.checked(time, warmup, samples, null, true, LoopKind.NATIVE, seccomp);
    }

    @Test
    void optionsNotGivenBecomeTheSpecsNoValues() {
        MeasureSpec spec =
                MeasureSpec.checked(Duration.ofMillis(300), Duration.ZERO, null, null, false, LoopKind.JAVA, null);
        assertThat(spec.samples()).isZero();
        assertThat(spec.cpu()).isEqualTo(-1);
        assertThat(spec.seccomp()).isZero();
        assertThat(spec.baseline()).isFalse();
        assertThat(spec.loop()).isEqualTo(LoopKind.JAVA);
    }

    @Test
    void eachBadValueIsAUsageErrorNamingItsOption() {
        Duration ok = Duration.ofMillis(10);
        assertThatThrownBy(() -> checked(Duration.ZERO, ok, null, null))
                .isInstanceOf(SpecException.class)
                .hasMessage("--time must be longer than 0")
                .satisfies(e -> assertThat(((SpecException) e).exitCode()).isEqualTo(ExitCodes.USAGE));
        assertThatThrownBy(() -> checked(Duration.ofSeconds(61), ok, null, null))
                .hasMessage("--time 61000ms is longer than the maximum, 60s");
        assertThatThrownBy(() -> checked(ok, Duration.ofSeconds(61), null, null))
                .hasMessage("--warmup 61000ms is longer than the maximum, 60s");
        assertThatThrownBy(() -> checked(ok, ok, 0, null)).hasMessageStartingWith("--samples must be between 1 and");
        assertThatThrownBy(() -> checked(ok, ok, null, 4097))
                .hasMessage("--seccomp must be between 1 and 4096 instructions, not 4097");
        assertThatThrownBy(() -> MeasureSpec.checked(ok, ok, null, -1, true, LoopKind.NATIVE, null))
                .hasMessage("--cpu must be a CPU number (0 or more), not -1");
        assertThat(checked(ok, ok, 5, 16).samples()).isEqualTo(5);
    }
}
