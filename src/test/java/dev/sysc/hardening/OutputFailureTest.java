package dev.sysc.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A script must learn that sysc's output was lost: a full disk or a closed standard output exits 1 with
 * one line, while a reader that stopped early (| head) is a broken pipe: silent, 141 like any pipe writer.
 */
@org.junit.jupiter.api.Tag("slow")
class OutputFailureTest {
    private static String stderrOf(Process p) throws Exception {
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aFullDeviceOnStandardOutputExitsOneWithOneLine() throws Exception {
        assumeTrue(new File("/dev/full").exists(), "/dev/full");
        Process p = ChildSysc.command(null, List.of(), "list")
                .redirectOutput(new File("/dev/full"))
                .start();
        String err = stderrOf(p);
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(err).isEqualTo("sysc: cannot write output: No space left on device\n");
    }

    @Test
    void aClosedStandardOutputExitsOne() throws Exception {
        // bash closes descriptor 1 (>&-) before exec'ing the JVM.
        List<String> cmd = ChildSysc.command(null, List.of(), "list").command();
        StringBuilder line = new StringBuilder("exec");
        for (String word : cmd) {
            line.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        line.append(" >&-");
        Process p = new ProcessBuilder("bash", "-c", line.toString()).start();
        String err = stderrOf(p);
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        assertThat(err).startsWith("sysc: cannot write output: ").hasLineCount(1);
    }

    @Test
    void aReaderThatWentAwayIsABrokenPipeSilentAndExitsLikeAPipeWriter() throws Exception {
        Process p = ChildSysc.command(null, List.of(), "list").start();
        // Close the reading end before the JVM has started: every write it makes then fails with EPIPE.
        p.getInputStream().close();
        String err = stderrOf(p);
        assertThat(err).isEmpty();
        assertThat(p.exitValue()).isEqualTo(141);
    }

    @Test
    void aWorkingStandardOutputStillExitsZero() throws Exception {
        Process p =
                ChildSysc.command(null, List.of(), "list", "--format", "csv").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = stderrOf(p);
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(out).startsWith("name,");
    }
}
