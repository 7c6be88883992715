package dev.sysc.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.os.InstalledHandler;
import org.junit.jupiter.api.Test;

class SignalsIgnoredTest {
    private static final long SIG_IGN = 1;

    @Test
    @SuppressWarnings("try")
    void ignoresInterruptAndQuitWhileOpenAndPutsTheJvmsHandlersBack() {
        long interruptBefore = InstalledHandler.currentHandler(SignalsIgnored.SIGINT);
        long quitBefore = InstalledHandler.currentHandler(SignalsIgnored.SIGQUIT);

        try (SignalsIgnored ignored = SignalsIgnored.interactive()) {
            assertThat(InstalledHandler.currentHandler(SignalsIgnored.SIGINT)).isEqualTo(SIG_IGN);
            assertThat(InstalledHandler.currentHandler(SignalsIgnored.SIGQUIT)).isEqualTo(SIG_IGN);
        }

        assertThat(InstalledHandler.currentHandler(SignalsIgnored.SIGINT)).isEqualTo(interruptBefore);
        assertThat(InstalledHandler.currentHandler(SignalsIgnored.SIGQUIT)).isEqualTo(quitBefore);
    }
}
