package dev.sysc.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Filters installed for real, on threads made for them, and what is left once those threads end. */
class SeccompFilterTest {
    @Test
    void theProgramIsAnAllowListOfTheRequestedLength() {
        for (int n : new int[] {1, 2, 3, 16, 17, 128, 512, 4096}) {
            List<long[]> p = SeccompFilter.allowAll(n, false).program();
            assertThat(p).hasSize(n);
            assertThat(p.get(p.size() - 1)).containsExactly(0x06, 0, 0, 0x7fff0000);
            assertThat(SeccompFilter.allowAll(n, false).encode()).hasSize(8 * n);
        }
        // The number is loaded at offset 0 of seccomp_data; the argument-inspecting one loads args[0] (16).
        assertThat(SeccompFilter.allowAll(16, false).program().get(0)).containsExactly(0x20, 0, 0, 0);
        assertThat(SeccompFilter.allowAll(16, true).program().get(0)).containsExactly(0x20, 0, 0, 16);
        // jeq K, jt 0, jf 1: a match falls into ret ALLOW, a miss skips it.
        assertThat(SeccompFilter.allowAll(16, true).program().get(1)).containsExactly(0x15, 0, 1, 100_000);
        byte[] b = SeccompFilter.allowAll(2, false).encode();
        assertThat(new byte[] {b[0], b[1], b[4]}).containsExactly(0x20, 0, 0);
        assertThat(new byte[] {b[8], b[12], b[13], b[14], b[15]}).containsExactly(0x06, 0, 0, (byte) 0xff, 0x7f);
    }

    @Test
    void anOddLengthEndsWithAJumpToTheNextInstruction() {
        List<long[]> p = SeccompFilter.allowAll(5, false).program();
        assertThat(p.get(3)).containsExactly(0x05, 0, 0, 0);
    }

    @Test
    void emptyOrOversizedLengthsAreRefused() {
        assertThatThrownBy(() -> SeccompFilter.allowAll(0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeccompFilter.allowAll(4098, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeccompFilter.allowAll(1, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFilterOnAThreadFiltersThatThreadOnlyAndEndsWithIt() throws Exception {
        assertThat(SeccompFilter.modesOfThreads().values()).containsOnly(0);
        AtomicReference<Object> inside = new AtomicReference<>();
        long[] tid = {-1};
        Thread t = new Thread(
                () -> {
                    try {
                        tid[0] = SeccompFilter.threadId();
                        SeccompFilter.allowAll(128, true).installOnThisThread(ExecutablePages.SYSTEM);
                        Map<Long, Integer> modes = SeccompFilter.modesOfThreads();
                        // Still allowed: getpid through the raw loop succeeds under the filter.
                        NativeSequence s = NativeSequence.on(CallPath.RAW);
                        s.syscall("getpid");
                        int done;
                        try (NativeLoop loop = s.compile(ExecutablePages.SYSTEM)) {
                            done = loop.run(100);
                        }
                        inside.set(List.of(SeccompFilter.modeOfThisThread(), modes, done));
                    } catch (RuntimeException e) {
                        inside.set(e);
                    }
                },
                "seccomp-test");
        t.start();
        t.join();
        assertThat(inside.get()).isInstanceOf(List.class);
        List<?> seen = (List<?>) inside.get();
        assertThat(seen.get(0)).isEqualTo(2);
        @SuppressWarnings("unchecked")
        Map<Long, Integer> modes = (Map<Long, Integer>) seen.get(1);
        assertThat(modes.get(tid[0])).isEqualTo(2);
        assertThat(modes.entrySet().stream().filter(e -> e.getKey() != tid[0]).map(Map.Entry::getValue))
                .containsOnly(0);
        assertThat(seen.get(2)).isEqualTo(100);
        // The filter went with its thread; give the kernel a moment to reap it.
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (SeccompFilter.modesOfThreads().containsKey(tid[0]) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(SeccompFilter.modesOfThreads().values()).containsOnly(0);
    }
}
