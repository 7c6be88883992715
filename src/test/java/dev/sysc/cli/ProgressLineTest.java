package dev.sysc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.bench.MeasureListener.Phase;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void drawsABarWithPositionAndPhase() {
        assertThat(ProgressLine.line("getpid@libc", 1, 3, Phase.SAMPLING, 0.5))
                .isEqualTo("getpid@libc (2/3) [████████████░░░░░░░░░░░░]  50% sampling");
        assertThat(ProgressLine.line("read@libc", 0, 1, Phase.WARMUP, 1.7))
                .contains("100% warming up")
                .doesNotContain("(1/1)");
    }

    @Test
    void shortWorkDrawsNothingAndClearLeavesNothing() {
        StringWriter err = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(err));
        p.progress("getpid@libc", 0, 1, Phase.SAMPLING, 0.3);
        p.clear();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void longWorkIsDrawnAndErased() throws InterruptedException {
        StringWriter err = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(err));
        Thread.sleep(ProgressLine.SHOW_AFTER_NANOS / 1_000_000 + 20);
        p.progress("getpid@libc", 0, 1, Phase.SAMPLING, 0.3);
        assertThat(err.toString()).startsWith("\r\033[K").contains("[███████");
        p.clear();
        assertThat(err.toString()).endsWith("\r\033[K");
    }
}
