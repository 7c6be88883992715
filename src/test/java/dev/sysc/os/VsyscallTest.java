package dev.sysc.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vsyscall page's mode as /proc/self/maps shows it, and real calls through it. */
class VsyscallTest {
    private static final String STACK =
            "7ffd1e0c4000-7ffd1e0e5000 rw-p 00000000 00:00 0                          [stack]\n";

    private static Vsyscall.Mode modeOf(Path dir, String maps) throws Exception {
        Path f = dir.resolve("maps");
        Files.writeString(f, maps);
        return Vsyscall.mode(f);
    }

    @Test
    void readsTheModeFromTheMapsLine(@TempDir Path dir) throws Exception {
        assertThat(
                        modeOf(
                                dir,
                                STACK
                                        + "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]\n"))
                .isEqualTo(Vsyscall.Mode.XONLY);
        assertThat(
                        modeOf(
                                dir,
                                STACK
                                        + "ffffffffff600000-ffffffffff601000 r-xp 00000000 00:00 0                  [vsyscall]\n"))
                .isEqualTo(Vsyscall.Mode.EMULATE);
        assertThat(modeOf(dir, STACK)).isEqualTo(Vsyscall.Mode.NONE);
        assertThat(
                        modeOf(
                                dir,
                                STACK
                                        + "ffffffffff600000-ffffffffff601000 r--p 00000000 00:00 0                  [vsyscall]\n"))
                .isEqualTo(Vsyscall.Mode.NONE);
        assertThat(Vsyscall.unavailableReason(Vsyscall.Mode.NONE)).contains("vsyscall=none");
        assertThat(Vsyscall.unavailableReason(Vsyscall.Mode.XONLY)).isNull();
    }

    @Test
    void aCallThroughThePageTrapsAndReturnsTheKernelsAnswer() {
        if (!Vsyscall.mode().callable()) {
            // Nothing to call on a kernel without the page; the path is then refused with the reason.
            assertThat(Vsyscall.unavailableReason(Vsyscall.mode())).isNotNull();
            return;
        }
        NativeMemory tv = NativeMemory.allocate(16);
        NativeSequence s = NativeSequence.on(CallPath.VSYSCALL);
        s.call("gettimeofday", tv.address(), 0);
        try (NativeLoop loop = s.compile(ExecutablePages.SYSTEM)) {
            assertThat(loop.run(100)).isEqualTo(100);
        }
        long seconds = tv.getLong(0);
        assertThat(seconds).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
        NativeMemory t = NativeMemory.allocate(8);
        NativeSequence time = NativeSequence.on(CallPath.VSYSCALL);
        time.call("time", t.address());
        try (NativeLoop loop = time.compile(ExecutablePages.SYSTEM)) {
            assertThat(loop.runOnce()).isZero();
        }
        assertThat(t.getLong(0)).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
    }
}
