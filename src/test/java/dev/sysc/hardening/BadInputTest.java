package dev.sysc.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.cli.SyscCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input: exit code 2, one line on stderr naming the problem, no stack trace, nothing on stdout. */
@org.junit.jupiter.api.Tag("slow")
class BadInputTest {
    @TempDir
    static Path dir;

    static Path truncated;
    static Path wrongSchema;
    static Path notJson;
    static Path empty;
    static Path binary;
    static Path latin1;
    static Path absurd;
    static Path noResults;

    @BeforeAll
    static void files() throws IOException {
        String valid = "{\"schema\":\"sysc/result/v1\",\"host\":{},\"results\":[]}";
        truncated = Files.writeString(dir.resolve("cut.json"), valid.substring(0, 20));
        wrongSchema = Files.writeString(dir.resolve("old.json"), valid.replace("v1", "v0"));
        notJson = Files.writeString(dir.resolve("notes.json"), "just some notes\n");
        empty = Files.writeString(dir.resolve("empty.json"), "");
        binary = Files.write(dir.resolve("sysc.bin"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        latin1 = Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', 'c', 'a', 'f', (byte) 0xe9, '"', '}'});
        absurd = Files.writeString(
                dir.resolve("absurd.json"),
                valid.replace(
                        "[]",
                        "[{\"name\":\"getpid\",\"path\":\"libc\","
                                + "\"crosses_kernel\":true,\"errno\":0,\"sample_ns\":[1e308,-5]}]"));
        noResults = Files.writeString(dir.resolve("none.json"), valid);
    }

    static Stream<Arguments> badInputs() {
        List<Arguments> cases = new ArrayList<>();
        String q = "-q";
        add(cases, "unknown call", "did you mean getpid?", "measure", "getpd", q);
        add(cases, "unknown call, far from any", "unknown call 'xyzzy'", "measure", "xyzzy", q);
        add(
                cases,
                "path the call lacks",
                "getpid has no vdso path (getpid has: libc, syscall, raw)",
                "measure",
                "getpid@vdso",
                q);
        add(cases, "unknown path", "unknown path 'kernel'", "measure", "getpid@kernel", q);
        add(cases, "empty path", "unknown path ''", "measure", "getpid@", q);
        add(cases, "unknown option", "unknown option '--bogus'", "measure", "getpid", "--bogus");
        add(cases, "unknown short option", "unknown option '-Z'", "measure", "getpid", "-Z");
        add(
                cases,
                "duration that is not one",
                "--time banana: not a duration",
                "measure",
                "getpid",
                "--time",
                "banana");
        add(cases, "negative duration", "--time -1s: not a duration", "measure", "getpid", "--time", "-1s");
        add(cases, "zero time", "--time must be longer than 0", "measure", "getpid", "--time", "0");
        add(
                cases,
                "time over the maximum",
                "--time 100s: longer than the maximum, 60s",
                "measure",
                "getpid",
                "--time",
                "100s");
        add(
                cases,
                "time over the maximum in minutes",
                "--time 2m: longer than the maximum, 1m",
                "measure",
                "getpid",
                "--time",
                "2m");
        add(cases, "time without a unit", "--time 10: add a unit: 10s or 10ms", "measure", "getpid", "--time", "10");
        add(
                cases,
                "warm-up over the maximum",
                "--warmup 120000ms: longer than the maximum, 60000ms",
                "measure",
                "getpid",
                "--warmup",
                "120000ms");
        add(
                cases,
                "zero samples",
                "--samples must be between 1 and 1000000, not 0",
                "measure",
                "getpid",
                "--samples",
                "0");
        add(
                cases,
                "huge samples",
                "--samples must be between 1 and 1000000",
                "measure",
                "getpid",
                "--samples",
                "50000000");
        add(cases, "samples not a number", "'lots' is not an int", "measure", "getpid", "--samples", "lots");
        add(
                cases,
                "CPU that does not exist",
                "--cpu 4096: no such CPU for this process",
                "measure",
                "getpid",
                "--cpu",
                "4096");
        add(cases, "negative CPU", "--cpu must be a CPU number", "measure", "getpid", "--cpu", "-1");
        add(
                cases,
                "unknown format",
                "--format yaml: unknown format (use table, json, csv or markdown)",
                "measure",
                "getpid",
                "--format",
                "yaml");
        add(cases, "unknown color", "--color", "measure", "getpid", "--color", "sometimes");
        add(cases, "measure without a name", "measure needs at least one call, e.g. sysc measure getpid", "measure");
        add(cases, "option without its value", "--time needs a value (DURATION)", "measure", "getpid", "--time");
        add(
                cases,
                "compare with one name",
                "compare needs at least two calls or two result files",
                "compare",
                "getpid");
        add(
                cases,
                "compare mixing names and files",
                "either call names or result files",
                "compare",
                "getpid",
                "x.json");
        add(
                cases,
                "compare baseline not compared",
                "--baseline gettid is not one of the compared calls",
                "compare",
                "getpid",
                "getppid",
                "--baseline",
                "gettid");
        add(
                cases,
                "unreadable result file",
                "missing.json: no such file",
                "compare",
                dir.resolve("missing.json").toString(),
                dir.resolve("missing2.json").toString());
        add(
                cases,
                "result file that is not JSON",
                "notes.json: is not valid JSON",
                "compare",
                notJson.toString(),
                notJson.toString());
        add(
                cases,
                "truncated result file",
                "cut.json: is truncated",
                "compare",
                truncated.toString(),
                truncated.toString());
        add(
                cases,
                "result file of another schema",
                "old.json: has schema sysc/result/v0",
                "compare",
                wrongSchema.toString(),
                wrongSchema.toString());
        add(cases, "empty result file", "empty.json: is empty", "compare", empty.toString(), empty.toString());
        add(
                cases,
                "binary result file",
                "sysc.bin: is a binary file, not a sysc result file",
                "compare",
                binary.toString(),
                binary.toString());
        add(
                cases,
                "result file not in UTF-8",
                "latin1.json: is not UTF-8 text",
                "compare",
                latin1.toString(),
                latin1.toString());
        add(
                cases,
                "result file with absurd samples",
                "absurd.json: results[0] (getpid) has an impossible sample, 1.00e+308 ns per call",
                "compare",
                absurd.toString(),
                absurd.toString());
        add(
                cases,
                "result file without results",
                "none.json: has no results: nothing to compare",
                "compare",
                noResults.toString(),
                noResults.toString());
        add(
                cases,
                "a huge name is cut short",
                "unknown call '" + "x".repeat(59) + "…'",
                "measure",
                "x".repeat(100_000));
        add(
                cases,
                "control characters in a name are escaped",
                "unknown call 'get\\npid\\x1b[2J'",
                "measure",
                "get\npid\u001b[2J");
        add(
                cases,
                "a huge path is cut short",
                "…" + "y".repeat(54) + ".json: no such file",
                "compare",
                dir.resolve("y".repeat(200) + ".json").toString(),
                dir.resolve("z.json").toString());
        add(
                cases,
                "result file is a directory",
                "is a directory",
                "compare",
                dir.toString() + "/",
                dir.toString() + "/");
        add(
                cases,
                "-o into a missing directory",
                "does not exist",
                "measure",
                "getpid",
                "-o",
                "/nonexistent/dir/out.json");
        add(cases, "-o naming a directory", "is a directory", "measure", "getpid", "-o", dir.toString());
        add(cases, "unknown category", "unknown category 'nope'", "list", "--category", "nope");
        add(cases, "unknown command", "unknown command 'mesure' (did you mean measure?)", "mesure", "getpid");
        add(
                cases,
                "misspelled option",
                "unknown option '--tim' (did you mean --time?)",
                "measure",
                "getpid",
                "--tim",
                "1s");
        add(cases, "command in capitals", "(did you mean measure?)", "MEASURE", "getpid");
        add(cases, "option in capitals", "(did you mean --time?)", "measure", "getpid", "--TIME", "1s");
        add(cases, "call in capitals", "unknown call 'GETPID' (did you mean getpid?)", "measure", "GETPID");
        add(
                cases,
                "topic in another case",
                "unknown call or topic 'vDSO' (did you mean vdso?)",
                "explain",
                "vDSO",
                "--no-measure");
        add(cases, "extra argument", "unexpected argument 'extra'", "list", "extra");
        add(cases, "-o with no name", "-o needs a file name (or - for standard output)", "list", "-o", "");
        add(cases, "no command", "missing command");
        add(cases, "a command's option before any command", "unknown option '-q'", "-q");
        add(
                cases,
                "unknown explain topic",
                "unknown call or topic 'vdos' (did you mean vdso?)",
                "explain",
                "vdos",
                "--no-measure");
        add(
                cases,
                "explain --measure outside mitigations",
                "--measure belongs to the mitigations topic",
                "explain",
                "vdso",
                "--measure");
        add(
                cases,
                "explain from a missing file",
                "no such file",
                "explain",
                "--from",
                dir.resolve("gone.json").toString());
        add(cases, "unknown batch workload", "unknown workload 'io_urin'", "batch", "io_urin");
        add(cases, "bad --sizes", "--sizes", "batch", "write", "--sizes", "1,x");
        add(cases, "zero in --sizes", "--sizes", "batch", "write", "--sizes", "0");
        add(cases, "tour as json", "the tour is text or markdown", "tour", "--format", "json");
        return cases.stream();
    }

    private static void add(List<Arguments> cases, String what, String message, String... args) {
        cases.add(Arguments.of(what, message, args));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isAOneLineUsageError(String what, String message, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SyscCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as(what + ": " + err).isEqualTo(2);
        assertThat(err.toString().lines().count()).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .as("no control character reaches the terminal")
                .doesNotContain("\u001b")
                .hasSizeLessThan(400);
    }
}
