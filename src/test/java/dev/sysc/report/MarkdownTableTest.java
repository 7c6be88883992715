package dev.sysc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysc.bench.CallResult;
import dev.sysc.bench.MeasureRun;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.host.HostInfo;
import dev.sysc.stats.Summary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one Markdown table writer: a pipe or a line break in a cell must not break the table. */
class MarkdownTableTest {

    @Test
    void writesHeaderRuleAndRows() {
        String t = MarkdownTable.withFigures(1, "call", "ns")
                .row(MarkdownTable.code("getpid"), "41.2")
                .toString();
        assertThat(t).isEqualTo("| call | ns |\n|---|---:|\n| `getpid` | 41.2 |\n");
    }

    @Test
    void escapesPipesAndFoldsLineBreaks() {
        String t =
                MarkdownTable.left("a|b", "c").row("x | y", "one\ntwo\r\nthree").toString();
        assertThat(t).isEqualTo("| a\\|b | c |\n|---|---|\n| x \\| y | one two three |\n");
        // Each line still has exactly as many unescaped pipes as the header: the row has two cells.
        for (String line : t.split("\n")) {
            assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count())
                    .isEqualTo(3);
        }
    }

    @Test
    void anEmptyCellIsASingleSpace() {
        assertThat(MarkdownTable.left("a", "b").row("x", "").toString()).endsWith("| x | |\n");
        assertThat(MarkdownTable.left("a", "b").row("x", null).toString()).endsWith("| x | |\n");
    }

    @Test
    void headersAndRulesMustPair() {
        assertThatThrownBy(() -> new MarkdownTable(List.of("a", "b"), List.of("---")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRendererTableKeepsItsColumnsWhenANameHoldsAPipe() {
        HostInfo host = new HostInfo(
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
        Summary s = new Summary(100, 140, 140, 139, 150, 139, 142, 0.5, 0.01, 0, 0);
        CallResult r = new CallResult(
                "a|b", "lib|c", true, 1, 0, null, 100, 250, s, s, s, new double[] {150}, false, "native");
        String md = MeasureReport.render(
                new MeasureRun("9.9", Instant.parse("2026-11-27T10:00:00Z"), host, MeasureSpec.defaults(), List.of(r)),
                Format.MARKDOWN);
        List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2)).startsWith("| `a\\|b` | lib\\|c |");
        for (String row : rows) {
            assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count())
                    .isEqualTo(8);
        }
    }
}
