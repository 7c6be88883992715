package dev.sysc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one Markdown table writer: a pipe or a line break in a cell must not break the table. */
class MarkdownTableTest {

    @Test
    void writesHeaderRuleAndRows() {
        String t = MarkdownTable.withFigures(1, "call", "ns").row(MarkdownTable.code("getpid"), "41.2").toString();
        assertThat(t).isEqualTo("| call | ns |\n|---|---:|\n| `getpid` | 41.2 |\n");
    }

    @Test
    void escapesPipesAndFoldsLineBreaks() {
        String t = MarkdownTable.left("a|b", "c").row("x | y", "one\ntwo\r\nthree").toString();
        assertThat(t).isEqualTo("| a\\|b | c |\n|---|---|\n| x \\| y | one two three |\n");
        // Each line still has exactly as many unescaped pipes as the header: the row has two cells.
        for (String line : t.split("\n")) {
            assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(3);
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
}
