package dev.sysc.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.bench.CallResult;
import dev.sysc.bench.MeasureRun;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.compare.RunComparison;
import dev.sysc.compare.SavedResult;
import dev.sysc.compare.SavedRun;
import dev.sysc.host.HostInfo;
import dev.sysc.stats.Summary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one CSV cell writer, and renderers whose names and paths hold commas or quotes. */
class CsvTest {
    private static final HostInfo HOST = new HostInfo(
            "box",
            "6.1.0",
            "x86_64",
            "Test CPU",
            4,
            "tsc",
            true,
            "",
            List.of(),
            Map.of(),
            "disabled",
            "on",
            true,
            "none",
            null,
            null);

    @Test
    void plainCellsStayUnquoted() {
        assertThat(Csv.cell("getpid")).isEqualTo("getpid");
        assertThat(Csv.cell(12.5)).isEqualTo("12.5");
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell("")).isEmpty();
    }

    @Test
    void cellsWithCommaQuoteOrLineBreakAreQuotedAndQuotesDoubled() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void rowJoinsCellsAndEndsTheLine() {
        assertThat(Csv.row("a", null, 3, "x,y")).isEqualTo("a,,3,\"x,y\"\n");
        assertThat(Rfc4180.parse(Csv.row("a", null, 3, "x,y\"z\nw")))
                .containsExactly(List.of("a", "", "3", "x,y\"z\nw"));
    }

    @Test
    void resultCsvQuotesANameWithACommaOrQuote() {
        Summary s = new Summary(100, 140, 140, 139, 150, 139, 142, 0.5, 0.01, 0, 0);
        CallResult r = new CallResult(
                "odd,\"name\"", "lib,c", true, 1, 0, null, 100, 250, s, s, s, new double[] {150}, false, "na\"tive");
        MeasureRun run =
                new MeasureRun("9.9", Instant.parse("2026-11-27T10:00:00Z"), HOST, MeasureSpec.defaults(), List.of(r));
        List<List<String>> rows = Rfc4180.parse(ResultCsv.render(run));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).hasSameSizeAs(rows.get(0));
        assertThat(rows.get(1).subList(0, 2)).containsExactly("odd,\"name\"", "lib,c");
        assertThat(rows.get(1).get(11)).isEqualTo("na\"tive");
    }

    @Test
    void diffCsvQuotesFilePathsWithACommaOrQuote() {
        double[] samples = new double[30];
        java.util.Arrays.fill(samples, 100);
        SavedRun a = new SavedRun(
                "runs/a,b.json",
                "2026-11-27T10:00:00Z",
                HOST,
                List.of(new SavedResult("getpid", "libc", true, 0, 90, samples)));
        SavedRun b = new SavedRun(
                "runs/\"b\".json",
                "2026-11-27T11:00:00Z",
                HOST,
                List.of(new SavedResult("getpid", "libc", true, 0, 90, samples)));
        String csv = DiffReport.render(
                List.of(RunComparison.diff(a, b)),
                Format.CSV,
                Style.NONE,
                80,
                "t",
                Instant.parse("2026-11-27T12:00:00Z"));
        List<List<String>> rows = Rfc4180.parse(csv);
        assertThat(rows.get(0)).hasSize(9);
        assertThat(rows.get(1)).hasSize(9);
        assertThat(rows.get(1).subList(0, 3)).containsExactly("runs/a,b.json", "runs/\"b\".json", "getpid");
    }
}
