package dev.sysc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Tag("slow")
class TourCommandTest {
    @TempDir
    Path dir;

    @Test
    void markdownHandoutHasEveryPageWithThisMachinesNumbers() throws Exception {
        Path handout = dir.resolve("handout.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SyscCommand.execute(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "tour",
                "--format",
                "markdown",
                "-o",
                handout.toString(),
                "-q");
        assertThat(code).as(err.toString()).isZero();
        String md = Files.readString(handout);
        assertThat(md)
                .startsWith("# What a system call costs")
                .contains("**Host:**")
                .contains("## 1. The floor")
                .contains("## 7. Crossing less")
                .containsPattern("\\| `enosys` \\| syscall \\| crosses \\| [0-9.,]+ ns \\|")
                .containsPattern("through it costs [0-9.]+ ns; forced through a real system call it costs [0-9.]+ ns")
                .containsPattern("## [0-9]+\\. Three ways not to cross: vDSO, batching, BPF")
                .containsPattern("throwing 99 away costs [0-9.,]+ (ns|µs) per wanted datagram; a four-instruction "
                        + "socket filter that drops the rest inside the kernel costs [0-9.,]+ (ns|µs)")
                .doesNotContain("(not measured)")
                .doesNotContain("{");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void jsonIsRefusedWithOneLine() {
        StringWriter err = new StringWriter();
        int code = SyscCommand.execute(
                new PrintWriter(new StringWriter()), new PrintWriter(err, true), "tour", "--format", "json");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines().count()).isEqualTo(1);
    }
}
