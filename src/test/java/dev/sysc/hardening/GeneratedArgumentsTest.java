package dev.sysc.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.cli.SyscCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of random commands built from good and bad pieces: whatever the mix, sysc answers with exit
 * code 0, 1 or 2 and never a stack trace; a usage error is one line. The seed is fixed so a failure
 * repeats; the failing command is in the message.
 */
@org.junit.jupiter.api.Tag("slow")
class GeneratedArgumentsTest {
    @TempDir
    Path dir;

    private static final String[] COMMANDS = {
        "measure", "compare", "list", "measure", "compare", "frobnicate", "explain", "batch"
    };
    private static final String[] NAMES = {
        "getpid",
        "getppid",
        "clock_gettime",
        "clock_gettime@syscall",
        "ffi-noop",
        "enosys",
        "getpd",
        "getpid@vdso",
        "io_uring_nop",
        "",
        "@",
        "getpid@",
        "@libc",
        "read",
        "brk@libc",
        "x.json",
        "--",
        "-",
        "vdso",
        "mitigations",
        "io_uring",
        "write",
        "nope"
    };
    private static final String[] TIMES = {"1ms", "2ms", "0", "-1s", "banana", "99m", "", "1e3ms", "3 ms"};
    private static final String[] WARMUPS = {"0", "1ms", "x", "2m", "-0"};

    private String[] randomCommand(Random r) {
        List<String> args = new ArrayList<>();
        if (r.nextInt(20) > 0) {
            args.add(COMMANDS[r.nextInt(COMMANDS.length)]);
        }
        int names = r.nextInt(4);
        for (int i = 0; i < names; i++) {
            args.add(NAMES[r.nextInt(NAMES.length)]);
        }
        // Always bound the measuring time, so generated runs that are valid stay short.
        args.add("--time");
        args.add(TIMES[r.nextInt(TIMES.length)]);
        args.add("--warmup");
        args.add(WARMUPS[r.nextInt(WARMUPS.length)]);
        int options = r.nextInt(4);
        for (int i = 0; i < options; i++) {
            switch (r.nextInt(13)) {
                case 11:
                    args.add("--no-measure");
                    break;
                case 12:
                    args.add("--sizes");
                    args.add(List.of("1,2", "1", "0", "x", "1,,2", "-3").get(r.nextInt(6)));
                    break;
                case 0:
                    args.add("--samples");
                    args.add(List.of("1", "3", "0", "-5", "99999999999", "x").get(r.nextInt(6)));
                    break;
                case 1:
                    args.add("--cpu");
                    args.add(List.of("0", "1", "999", "-1", "x").get(r.nextInt(5)));
                    break;
                case 2:
                    args.add("--format");
                    args.add(List.of("table", "json", "csv", "markdown", "yaml", "")
                            .get(r.nextInt(6)));
                    break;
                case 3:
                    args.add("--no-baseline");
                    break;
                case 4:
                    args.add("-q");
                    break;
                case 5:
                    args.add("--color");
                    args.add(List.of("auto", "never", "always", "x").get(r.nextInt(4)));
                    break;
                case 6:
                    args.add("-o");
                    args.add(List.of(dir.resolve("out" + r.nextInt(3)).toString(), "/nonexistent/x", dir.toString())
                            .get(r.nextInt(3)));
                    break;
                case 7:
                    args.add("--baseline");
                    args.add(List.of("getpid", "nope").get(r.nextInt(2)));
                    break;
                case 8:
                    args.add("--category");
                    args.add(List.of("time", "nope").get(r.nextInt(2)));
                    break;
                case 9:
                    args.add(List.of("--bogus", "-Z", "--time", "--help").get(r.nextInt(4)));
                    break;
                default:
                    args.add("--format");
                    break;
            }
        }
        return args.toArray(new String[0]);
    }

    @Test
    void randomCommandsNeverCrash() {
        Random r = new Random(20261127);
        for (int i = 0; i < 300; i++) {
            String[] args = randomCommand(r);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = SyscCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
            String what = "sysc " + String.join(" ", args) + "\nstderr: " + err;
            assertThat(code).as(what).isIn(0, 1, 2);
            assertThat(err.toString()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
            if (code == 2) {
                assertThat(err.toString().lines().count()).as(what).isEqualTo(1);
            }
        }
    }
}
