package dev.sysc.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared wrapping rules, and how a table folds when it is too wide. */
class TextWidthTest {
    @Test
    void wrapsBetweenWordsAndNeverPastTheWidth() {
        List<String> lines = TextWidth.wrap("the quick brown fox jumps over the lazy dog", 10);
        assertThat(lines).containsExactly("the quick", "brown fox", "jumps over", "the lazy", "dog");
    }

    @Test
    void onlyAWordLongerThanTheLineIsCut() {
        assertThat(TextWidth.wrap("see https://example.org/a/very/long/path now", 12))
                .containsExactly("see", "https://exam", "ple.org/a/ve", "ry/long/path", "now");
    }

    @Test
    void aLoneSymbolStaysWithTheWordsBesideItWhileTheyFit() {
        assertThat(TextWidth.wrap("verdict: ~ when p ≥ 0.05", 19)).containsExactly("verdict: ~ when", "p ≥ 0.05");
        assertThat(TextWidth.wrap("so net = raw − baseline here", 12))
                .containsExactly("so net = raw", "− baseline", "here");
    }

    @Test
    void hangingIndentKeepsEveryLineInsideTheWidth() {
        String text = TextWidth.indent("one two three four five six seven", 14, "  label ", "        ");
        assertThat(text)
                .isEqualTo("  label one\n        two\n        three\n        four\n        five\n"
                        + "        six\n        seven\n");
        assertThat(TextWidth.widest(text)).isLessThanOrEqualTo(14);
    }

    @Test
    void reflowJoinsAParagraphBrokenByHandAndKeepsListItemsHanging() {
        String source = "A paragraph broken\nat an odd place.\n\n- **item** one that runs\n  on and on\n- two\n";
        assertThat(TextWidth.reflow(source, 20))
                .isEqualTo("A paragraph broken\nat an odd place.\n\n- **item** one that\n  runs on and on\n- two\n");
    }

    @Test
    void aWidthIsNeverBelowTheMinimum() {
        assertThat(TextWidth.usable(10)).isEqualTo(TextWidth.MIN);
        assertThat(TextWidth.usable(132)).isEqualTo(132);
    }

    private static TextTable table() {
        TextTable t = new TextTable(List.of("name", "kind", "size", "description"), false, false, true, false)
                .wrapping(3)
                .optional(1);
        t.add(List.of("alpha", "letter", "1", "the first letter of the Greek alphabet, and of many words"));
        t.add(List.of("omega", "letter", "24", "the last one"));
        return t;
    }

    @Test
    void aTableThatFitsIsLeftAlone() {
        assertThat(table().render(200))
                .isEqualTo(table().render())
                .startsWith("name   kind    size  description\nalpha  letter     1  the first letter");
    }

    @Test
    void theProseColumnWrapsInsideItsCell() {
        String text = table().render(50);
        assertThat(text).isEqualTo("""
                name   kind    size  description
                alpha  letter     1  the first letter of the Greek
                                     alphabet, and of many words
                omega  letter    24  the last one
                """);
    }

    @Test
    void tooNarrowForTheCellTheProseGoesUnderItsRow() {
        String text = table().render(42);
        assertThat(text).isEqualTo("""
                name   kind    size
                alpha  letter     1
                    the first letter of the Greek
                    alphabet, and of many words
                omega  letter    24
                    the last one
                """);
    }

    @Test
    void optionalColumnsGoWhenFoldingIsNotEnough() {
        TextTable t = new TextTable(List.of("call", "net", "raw", "baseline"), false, true, true, true).optional(3, 2);
        t.add(List.of("clock_gettime_cputime@syscall", "1,234.5 ns", "1,240.1", "5.60"));
        assertThat(t.render(60)).contains("baseline");
        assertThat(t.render(50)).doesNotContain("baseline").contains("raw");
        assertThat(t.render(42))
                .doesNotContain("baseline")
                .doesNotContain("raw")
                .contains("1,234.5 ns");
    }
}
