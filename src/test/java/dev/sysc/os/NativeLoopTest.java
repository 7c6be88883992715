package dev.sysc.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Native loops built from sequences make real system calls, pass results along and stop at failures. */
class NativeLoopTest {
    private static final int EBADF = 9;
    private static final int ENOSYS = 38;
    private static final int O_RDONLY = 0;

    @Test
    void anEmptyLoopRunsEveryIteration() {
        try (NativeLoop loop = NativeSequence.on(CallPath.LIBC).compile(ExecutablePages.SYSTEM)) {
            assertThat(loop.run(1_000_000)).isEqualTo(1_000_000);
            assertThat(loop.run(0)).isZero();
        }
    }

    @Test
    void everyPathReachesTheKernelWithTheSameCall(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        NativeMemory path = NativeMemory.cString(file.toString());
        for (CallPath p : new CallPath[] {CallPath.LIBC, CallPath.SYSCALL, CallPath.RAW}) {
            NativeSequence s = NativeSequence.on(p);
            NativeSequence.Result fd = s.call("open", path.address(), O_RDONLY);
            s.call("close", fd);
            try (NativeLoop loop = s.compile(ExecutablePages.SYSTEM)) {
                // 10,000 opens that each close their descriptor: a leak would hit the fd limit or show here.
                assertThat(loop.run(10_000)).as(p.id()).isEqualTo(10_000);
            }
        }
        assertThat(openDescriptors()).isLessThan(1000);
    }

    @Test
    void stopsAtTheFailingIterationWithTheKernelsErrno() {
        for (CallPath p : new CallPath[] {CallPath.LIBC, CallPath.SYSCALL, CallPath.RAW}) {
            NativeMemory buf = NativeMemory.allocate(8);
            NativeSequence s = NativeSequence.on(p);
            s.call("read", 987_654, buf.address(), 1); // not an open descriptor
            try (NativeLoop loop = s.compile(ExecutablePages.SYSTEM)) {
                assertThat(loop.run(100)).as(p.id()).isZero();
                assertThat(loop.errno()).as(p.id()).isEqualTo(EBADF);
                assertThat(loop.failedStep()).isZero();
                assertThat(loop.runOnce()).isEqualTo(-EBADF);
            }
        }
    }

    @Test
    void reportsWhichStepFailed(@TempDir Path dir) {
        // dup succeeds, then the second step reads from a descriptor that does not exist.
        NativeMemory buf = NativeMemory.allocate(8);
        NativeSequence s = NativeSequence.on(CallPath.LIBC);
        NativeSequence.Result copy = s.call("dup", 0);
        s.call("close", copy);
        s.call("read", 987_654, buf.address(), 1);
        try (NativeLoop loop = s.compile(ExecutablePages.SYSTEM)) {
            assertThat(loop.run(5)).isZero();
            assertThat(loop.failedStep()).isEqualTo(2);
            assertThat(loop.failedResult()).isEqualTo(-1);
            assertThat(loop.errno()).isEqualTo(EBADF);
        }
    }

    @Test
    void aShortTransferFailsWithEioWhenAnExactCountIsExpected() {
        NativeMemory buf = NativeMemory.allocate(8);
        NativeMemory fds = NativeMemory.allocate(8);
        int[] p = new int[2];
        assertThat(Bindings.ipc(CallPath.LIBC).pipe(fds.address())).isZero();
        p[0] = fds.getInt(0);
        p[1] = fds.getInt(4);
        try {
            // One byte goes in per iteration and up to eight are asked for: read returns 1, not 8.
            NativeSequence s = NativeSequence.on(CallPath.LIBC);
            s.call("write", p[1], buf.address(), 1);
            s.expecting(1);
            s.call("read", p[0], buf.address(), 8);
            s.expecting(8);
            try (NativeLoop loop = s.compile(ExecutablePages.SYSTEM)) {
                assertThat(loop.run(10)).isZero();
                assertThat(loop.failedStep()).isEqualTo(1);
                assertThat(loop.failedResult()).isEqualTo(1);
                assertThat(loop.errno()).isEqualTo(5); // EIO
            }
            // The same count expected as delivered: every iteration succeeds.
            NativeSequence exact = NativeSequence.on(CallPath.LIBC);
            exact.call("write", p[1], buf.address(), 1);
            exact.expecting(1);
            exact.call("read", p[0], buf.address(), 1);
            exact.expecting(1);
            try (NativeLoop loop = exact.compile(ExecutablePages.SYSTEM)) {
                assertThat(loop.run(1000)).isEqualTo(1000);
            }
        } finally {
            Bindings.file(CallPath.LIBC).close(p[0]);
            Bindings.file(CallPath.LIBC).close(p[1]);
        }
    }

    @Test
    void passesSevenArgumentsToGlibcsSyscall() {
        // mmap through syscall() is nr + 6 arguments: the 7th travels on the stack.
        NativeSequence s = NativeSequence.on(CallPath.SYSCALL);
        NativeSequence.Result page = s.call("mmap", 0, 4096, 3, 0x22, -1, 0);
        s.call("munmap", page, 4096);
        try (NativeLoop loop = s.compile(ExecutablePages.SYSTEM)) {
            assertThat(loop.run(1000)).isEqualTo(1000);
        }
    }

    @Test
    void anUnknownSystemCallFailsWithEnosysUnlessUnchecked() {
        NativeSequence checked = NativeSequence.on(CallPath.RAW);
        checked.syscall(100_000L);
        try (NativeLoop loop = checked.compile(ExecutablePages.SYSTEM)) {
            assertThat(loop.run(3)).isZero();
            assertThat(loop.errno()).isEqualTo(ENOSYS);
        }
        NativeSequence unchecked = NativeSequence.on(CallPath.SYSCALL);
        unchecked.syscall(100_000L).step();
        unchecked.unchecked();
        try (NativeLoop loop = unchecked.compile(ExecutablePages.SYSTEM)) {
            assertThat(loop.run(3)).isEqualTo(3);
        }
    }

    @Test
    void callsTheVdsoDirectly() {
        NativeMemory ts = NativeMemory.allocate(16);
        NativeSequence s = NativeSequence.on(CallPath.VDSO);
        s.call("clock_gettime", 1, ts.address());
        try (NativeLoop loop = s.compile(ExecutablePages.SYSTEM)) {
            assertThat(loop.run(1000)).isEqualTo(1000);
            assertThat(ts.getLong(0) + ts.getLong(8)).isPositive();
        }
        NativeSequence bad = NativeSequence.on(CallPath.VDSO);
        bad.call("clock_gettime", 12345, ts.address()); // no such clock: the vDSO falls back and gets EINVAL
        try (NativeLoop loop = bad.compile(ExecutablePages.SYSTEM)) {
            assertThat(loop.run(10)).isZero();
            assertThat(loop.errno()).isEqualTo(22);
        }
    }

    @Test
    void aRefusedPageIsReportedNotRun() {
        ExecutablePages refusing = new ExecutablePages() {
            @Override
            public long load(byte[] code) {
                throw new ExecutableMemoryRefused("mprotect(PROT_EXEC)", 13);
            }

            @Override
            public void release(long address, int codeBytes) {}
        };
        NativeSequence s = NativeSequence.on(CallPath.LIBC);
        s.call("getpid");
        assertThatThrownBy(() -> s.compile(refusing))
                .isInstanceOf(ExecutablePages.ExecutableMemoryRefused.class)
                .hasMessageContaining("EACCES");
    }

    private static long openDescriptors() throws Exception {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }
}
