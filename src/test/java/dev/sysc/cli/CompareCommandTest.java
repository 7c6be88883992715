package dev.sysc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Tag("slow")
class CompareCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run sysc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SyscCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static final String[] QUICK = {"--time", "30ms", "--warmup", "20ms", "-q"};

    private static String[] args(String... front) {
        String[] all = new String[front.length + QUICK.length];
        System.arraycopy(front, 0, all, 0, front.length);
        System.arraycopy(QUICK, 0, all, front.length, QUICK.length);
        return all;
    }

    @Test
    void vdsoClockIsNotCrossingAndAtLeastThreeTimesCheaper() throws Exception {
        String clocksource = Files.readString(
                        Path.of("/sys/devices/system/clocksource/clocksource0/current_clocksource"))
                .trim();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                List.of("tsc", "kvm-clock", "hyperv_clocksource_tsc_page").contains(clocksource));
        Run r = sysc(args("compare", "clock_gettime", "clock_gettime@syscall", "--format", "json"));
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> doc = JSON.std.mapFrom(r.out());
        assertThat(doc.get("schema")).isEqualTo("sysc/result/v1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) doc.get("results");
        assertThat(results.get(0).get("crosses_kernel")).isEqualTo(false);
        assertThat(results.get(1).get("crosses_kernel")).isEqualTo(true);
        assertThat(((Number) results.get(0).get("ratio")).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) results.get(1).get("ratio")).doubleValue()).isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void tableShowsRatiosBarsAndWhyRowsDiffer() {
        Run r = sysc(args("compare", "getppid", "ffi-noop", "clock_gettime", "clock_gettime@syscall"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().replaceAll("\\s+", " "))
                .contains("ratio")
                .contains("1.00×")
                .contains("█")
                .contains("cheaper than clock_gettime@syscall: the vDSO saves the crossing")
                .contains("ratio = net median / getppid@libc's net median");
    }

    @Test
    void baselineOptionPicksTheReference() {
        Run r = sysc(args("compare", "getppid", "enosys", "--baseline", "enosys", "--format", "csv"));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).endsWith(",ratio");
        assertThat(lines.get(2)).startsWith("enosys,syscall,").endsWith(",1.0000");
    }

    @Test
    void markdownHasARatioColumn() {
        Run r = sysc(args("compare", "getpid", "getppid", "--format", "markdown"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("| ratio |").contains("| `getppid` |");
    }

    @Test
    void savedRunsComparedWithAScaledCopy() throws Exception {
        Path a = dir.resolve("a.json");
        Run m = sysc(args("measure", "getpid", "getppid", "--format", "json", "-o", a.toString()));
        assertThat(m.code()).as(m.err()).isZero();
        Map<String, Object> doc = JSON.std.mapFrom(Files.readString(a));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) doc.get("results");
        @SuppressWarnings("unchecked")
        List<Object> samples = (List<Object>) results.get(0).get("sample_ns");
        samples.replaceAll(v -> ((Number) v).doubleValue() * 1.4);
        Path b = dir.resolve("b.json");
        Files.writeString(b, JSON.std.asString(doc));

        Run self = sysc("compare", a.toString(), a.toString(), "--format", "json");
        assertThat(self.code()).as(self.err()).isZero();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> selfRows =
                (List<Map<String, Object>>) JSON.std.mapFrom(self.out()).get("rows");
        assertThat(selfRows)
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.get("significant")).isEqualTo(false));

        Run diff = sysc("compare", a.toString(), b.toString(), "--format", "json");
        assertThat(diff.code()).as(diff.err()).isZero();
        Map<String, Object> d = JSON.std.mapFrom(diff.out());
        assertThat(d.keySet())
                .containsExactly(
                        "schema", "tool", "timestamp", "settings", "a", "b", "host_differences", "rows", "unmatched");
        assertThat(d.get("schema")).isEqualTo("sysc/diff/v1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) d.get("rows");
        assertThat(rows.get(0).keySet())
                .containsExactly(
                        "name",
                        "path",
                        "a_median_ns",
                        "b_median_ns",
                        "delta",
                        "p_value",
                        "p_value_note",
                        "significant");
        assertThat(rows.get(0).get("name")).isEqualTo("getpid");
        assertThat(rows.get(0).get("significant")).isEqualTo(true);
        assertThat(((Number) rows.get(0).get("delta")).doubleValue()).isBetween(0.39, 0.41);
        assertThat(((Number) rows.get(0).get("p_value")).doubleValue()).isLessThan(0.01);
        assertThat(rows.get(1).get("significant")).isEqualTo(false);

        Run table = sysc("compare", a.toString(), b.toString());
        assertThat(table.out())
                .containsPattern("getpid\\s+libc.*\\+40\\.0%\\s+<0\\.001\\s+\\+40\\.0%")
                .containsPattern("getppid\\s+libc.*\\s~\\n");
    }

    @Test
    void badFilesAndOperandsAreUsageErrors() throws Exception {
        Path good = dir.resolve("good.json");
        assertThat(sysc(args("measure", "getpid", "--format", "json", "-o", good.toString()))
                        .code())
                .isZero();
        Path truncated = dir.resolve("cut.json");
        String text = Files.readString(good);
        Files.writeString(truncated, text.substring(0, text.length() / 3));
        Path wrong = dir.resolve("v9.json");
        Files.writeString(wrong, text.replace("sysc/result/v1", "sysc/result/v9"));
        Path notJson = dir.resolve("notes.json");
        Files.writeString(notJson, "getpid was fast\n");
        Object[][] cases = {
            {
                new String[] {
                    "compare", good.toString(), dir.resolve("missing.json").toString()
                },
                "missing.json: no such file"
            },
            {new String[] {"compare", good.toString(), truncated.toString()}, "cut.json: is truncated"},
            {new String[] {"compare", good.toString(), wrong.toString()}, "v9.json: has schema sysc/result/v9"},
            {new String[] {"compare", good.toString(), notJson.toString()}, "notes.json: is not valid JSON"},
            {new String[] {"compare", "getpid"}, "compare"},
            {new String[] {"compare", "getpid", good.toString()}, "either call names or result files"},
            {new String[] {"compare", "getpid", "getpd"}, "did you mean getpid"},
            {new String[] {"compare", "getpid", "getppid", "--baseline", "gettid"}, "is not one of the compared calls"},
        };
        for (Object[] c : cases) {
            Run r = sysc((String[]) c[0]);
            assertThat(r.code())
                    .as(String.join(" ", (String[]) c[0]) + ": " + r.err())
                    .isEqualTo(2);
            assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains((String) c[1]).doesNotContain("Exception");
            assertThat(r.out()).isEmpty();
        }
    }

    /** A result file written by hand: {@code host} and {@code name} are put in as given, samples as listed. */
    private Path resultFile(String file, String hostname, String name, String samples) throws Exception {
        String text = "{\"schema\":\"sysc/result/v1\",\"settings\":{\"time\":\"20ms\",\"cpu\":1},"
                + "\"host\":{\"hostname\":" + JSON.std.asString(hostname) + "},"
                + "\"results\":[{\"name\":" + JSON.std.asString(name) + ",\"path\":\"libc\",\"crosses_kernel\":true,"
                + "\"errno\":0,\"sample_ns\":" + samples + "}]}";
        return Files.writeString(dir.resolve(file), text);
    }

    @Test
    void anUndefinedPValueIsNullInJsonEmptyInCsvAndNaInTables() throws Exception {
        // Every sample one value: nothing to rank, so the Mann-Whitney test has no p-value.
        Path a = resultFile("a.json", "h", "getpid", "[100.0, 100.0, 100.0]");
        Path b = resultFile("b.json", "h", "getpid", "[100.0, 100.0, 100.0]");
        Run json = sysc("compare", a.toString(), b.toString(), "--format", "json");
        assertThat(json.code()).as(json.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> row =
                ((List<Map<String, Object>>) JSON.std.mapFrom(json.out()).get("rows")).get(0);
        assertThat(row).containsEntry("p_value", null).containsEntry("significant", false);
        assertThat((String) row.get("p_value_note")).startsWith("undefined: every sample");
        assertThat(json.out()).doesNotContain("NaN");

        Run csv = sysc("compare", a.toString(), b.toString(), "--format", "csv");
        assertThat(csv.out().lines().skip(1).findFirst().orElseThrow())
                .endsWith(",getpid,libc,100.000,100.000,0.00000,,false");
        assertThat(sysc("compare", a.toString(), b.toString()).out())
                .contains("n/a")
                .doesNotContain("NaN");
        assertThat(sysc("compare", a.toString(), b.toString(), "--format", "markdown")
                        .out())
                .contains("| n/a |");
    }

    @Test
    void diffJsonSaysWhichSyscMadeItWhenAndFromWhichSettings() throws Exception {
        Path a = resultFile("a.json", "h", "getpid", "[100.0, 101.0, 102.0]");
        Path b = resultFile("b.json", "h", "getpid", "[100.0, 101.0, 102.0]");
        Map<String, Object> d = JSON.std.mapFrom(
                sysc("compare", a.toString(), b.toString(), "--format", "json").out());
        assertThat(d).containsKeys("tool", "timestamp", "settings");
        assertThat(((Map<?, ?>) d.get("tool")).get("name")).isEqualTo("sysc");
        assertThat(((Map<?, ?>) d.get("settings")).get("alpha")).isEqualTo(0.05);
        Map<?, ?> side = (Map<?, ?>) d.get("a");
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) side.get("settings");
        assertThat(settings).containsEntry("time", "20ms").containsEntry("cpu", 1);
    }

    @Test
    void textFromAResultFileIsEscapedAndShortenedBeforeItIsShown() throws Exception {
        String evil = "x\u001b[2J\u001b]0;pwned\u0007" + "y".repeat(500);
        Path a = resultFile("a.json", evil, evil, "[100.0, 101.0, 102.0]");
        Path b = resultFile("b.json", "h", evil, "[100.0, 101.0, 102.0]");
        for (String format : List.of("table", "markdown", "csv", "json")) {
            Run r = sysc("compare", a.toString(), b.toString(), "--format", format);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out())
                    .as(format)
                    .doesNotContain("\u001b")
                    .doesNotContain("\u0007")
                    .doesNotContain("y".repeat(60))
                    .contains(format.equals("json") ? "x\\\\x1b[2J" : "x\\x1b[2J");
        }
    }

    @Test
    void callNamesWinOverFilesOfTheSameName() {
        assertThat(CompareCommand.looksLikeFile("read")).isFalse();
        assertThat(CompareCommand.looksLikeFile("stat@syscall")).isFalse();
        assertThat(CompareCommand.looksLikeFile("pom.xml")).isTrue(); // no such call, and a file here
        assertThat(CompareCommand.looksLikeFile("runs/a.json")).isTrue();
        assertThat(CompareCommand.looksLikeFile("getpd")).isFalse(); // neither: reported as an unknown call
    }
}
