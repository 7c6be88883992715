package dev.sysc.os;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformTest {
    @Test
    void linuxOnX8664IsSupported() {
        assertThat(Platform.unsupportedReason("Linux", "amd64")).isNull();
        assertThat(Platform.unsupportedReason("Linux", "x86_64")).isNull();
    }

    @Test
    void otherSystemsAndArchitecturesAreNamedInOneSentence() {
        assertThat(Platform.unsupportedReason("Mac OS X", "aarch64"))
                .contains("Linux system calls")
                .contains("Mac OS X");
        assertThat(Platform.unsupportedReason("Linux", "aarch64"))
                .contains("x86-64")
                .contains("aarch64")
                .doesNotContain("\n");
    }
}
