package dev.sysc.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTest {
    @Test
    void shortTextIsUnchanged() {
        assertThat(Untrusted.shown("getpid@libc")).isEqualTo("getpid@libc");
    }

    @Test
    void longTextIsCutToSixtyCharactersWithAnEllipsis() {
        String shown = Untrusted.shown("x".repeat(100_000));
        assertThat(shown).hasSize(60).endsWith("…").startsWith("xxxx");
        assertThat(Untrusted.shown("y".repeat(60))).isEqualTo("y".repeat(60));
    }

    @Test
    void controlCharactersAreEscapedNotPassedToTheTerminal() {
        assertThat(Untrusted.shown("get\npid\u001b[2J\t\r\u007f")).isEqualTo("get\\npid\\x1b[2J\\t\\r\\x7f");
        assertThat(Untrusted.shown("a\u009bb\u202ec")).isEqualTo("a\\u009bb\\u202ec");
    }

    @Test
    void escapingHappensBeforeShorteningSoTheEscapesCount() {
        String shown = Untrusted.shown("\u001b".repeat(100));
        assertThat(shown).hasSize(60).doesNotContain("\u001b");
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String s = "a".repeat(58) + "😀😀";
        String shown = Untrusted.shown(s);
        assertThat(shown).endsWith("…");
        assertThat(Character.isHighSurrogate(shown.charAt(shown.length() - 2))).isFalse();
    }

    @Test
    void aLongPathKeepsItsFileName() {
        String shown = Untrusted.shownPath("/home/someone/" + "deep/".repeat(30) + "before.json");
        assertThat(shown).hasSize(60).startsWith("…").endsWith("/deep/before.json");
        assertThat(Untrusted.shownPath("a.json")).isEqualTo("a.json");
    }
}
