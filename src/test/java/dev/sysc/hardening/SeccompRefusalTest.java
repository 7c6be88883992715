package dev.sysc.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A call the kernel refuses is reported as refused, with its errno, never as a cost: sysc runs behind a
 * seccomp filter (src/test/c/seccomp-deny.c) that makes getppid (x86-64 number 110) fail with EPERM.
 */
@org.junit.jupiter.api.Tag("slow")
class SeccompRefusalTest {
    @Test
    void refusedCallIsReportedWithItsErrnoAndTheOthersStillReport() throws Exception {
        Path helper = ChildSysc.compileHelper("seccomp-deny");
        assumeTrue(helper != null, "gcc is needed to build the seccomp helper");
        Process p = ChildSysc.command(
                        null,
                        List.of(helper.toString(), "110", "1", "--"),
                        "measure",
                        "getppid",
                        "getpid",
                        "getppid@syscall",
                        "--time",
                        "20ms",
                        "--warmup",
                        "0",
                        "-q",
                        "--format",
                        "csv")
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        List<String> rows = out.lines().toList();
        assertThat(rows).hasSize(4);
        // getppid via libc: glibc hands back the kernel's raw -EPERM without setting errno; still EPERM.
        assertThat(rows.get(1)).startsWith("getppid,libc,true,,,,,,,0,1");
        assertThat(rows.get(2)).startsWith("getpid,libc,true,").doesNotContain(",,");
        assertThat(rows.get(2)).endsWith(",0,native,");
        assertThat(rows.get(3)).startsWith("getppid,syscall,true,,,,,,,0,1");
        assertThat(err).doesNotContain("Exception");
    }

    @Test
    void tableSaysRefusedWithTheErrnoName() throws Exception {
        Path helper = ChildSysc.compileHelper("seccomp-deny");
        assumeTrue(helper != null, "gcc is needed to build the seccomp helper");
        Process p = ChildSysc.command(
                        null,
                        List.of(helper.toString(), "110", "38", "--"),
                        "measure",
                        "getppid",
                        "--time",
                        "20ms",
                        "--warmup",
                        "0",
                        "-q")
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out)
                .containsPattern("getppid\\s+libc\\s+crosses\\s+refused\\s+ENOSYS")
                .contains("refused: ENOSYS")
                .doesNotContain(" ns  ");
    }
}
