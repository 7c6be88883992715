package dev.sysc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.tour.TourPause;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Where the width of text output comes from, and the tour's pause as a command sees it. */
class WidthAndPauseTest {
    @Test
    void columnsWinsThenTheTerminalThenEighty() {
        assertThat(OutputOptions.width("120", 200)).isEqualTo(120);
        assertThat(OutputOptions.width(null, 132)).isEqualTo(132);
        assertThat(OutputOptions.width(null, 0)).isEqualTo(80);
        assertThat(OutputOptions.width("wide", 0))
                .as("not a number: as if unset")
                .isEqualTo(80);
        assertThat(OutputOptions.width("0", 100)).as("zero: as if unset").isEqualTo(100);
        assertThat(OutputOptions.width("12", 0))
                .as("held to the narrowest usable width")
                .isEqualTo(40);
    }

    @Test
    void theTourStopsWhenThePauseSaysSo() {
        AtomicInteger asked = new AtomicInteger();
        TourPause stop = screen -> {
            asked.incrementAndGet();
            return false;
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SyscCommand.execute(
                new PrintWriter(out, true), new PrintWriter(err, true), stop, "tour", "--loop", "java");
        assertThat(code).as(err.toString()).isZero();
        assertThat(asked.get()).isEqualTo(1);
        assertThat(out.toString()).containsPattern("1/[0-9]+  The floor").doesNotContainPattern("2/[0-9]+ ");
    }
}
