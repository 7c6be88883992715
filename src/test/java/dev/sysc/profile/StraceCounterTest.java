package dev.sysc.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading strace -c's summary table (strace 6.1's layout). */
class StraceCounterTest {
    @Test
    void readsTheCallsColumnWithAndWithoutErrorsAndLeavesOutTheTotal() {
        String table = String.join(
                "\n",
                "% time     seconds  usecs/call     calls    errors syscall",
                "------ ----------- ----------- --------- --------- ----------------",
                " 52.92    0.002544           2      1003           read",
                "  0.56    0.000027           0        35        16 openat",
                "  0.00    0.000000           0         1           rseq",
                "------ ----------- ----------- --------- --------- ----------------",
                "100.00    0.004807           2      1039        16 total",
                "");

        assertThat(StraceCounter.parse(table))
                .containsExactly(
                        java.util.Map.entry("openat", 35L),
                        java.util.Map.entry("read", 1003L),
                        java.util.Map.entry("rseq", 1L));
    }

    @Test
    void anEmptySummaryIsNoCalls() {
        assertThat(StraceCounter.parse("")).isEmpty();
    }
}
