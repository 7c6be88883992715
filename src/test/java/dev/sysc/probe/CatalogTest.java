package dev.sysc.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysc.os.CallPath;
import dev.sysc.os.SyscallNumbers;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final Catalog catalog = Catalog.builtIn();

    @Test
    void aBareNameTakesTheLibcPath() {
        CallRef ref = catalog.resolve("getpid");
        assertThat(ref.name()).isEqualTo("getpid");
        assertThat(ref.path()).isEqualTo(CallPath.LIBC);
        assertThat(ref.id()).isEqualTo("getpid@libc");
    }

    @Test
    void atSyscallPicksTheSyscallPath() {
        CallRef ref = catalog.resolve("clock_gettime@syscall");
        assertThat(ref.name()).isEqualTo("clock_gettime");
        assertThat(ref.path()).isEqualTo(CallPath.SYSCALL);
    }

    @Test
    void aCallWithoutLibcPathDefaultsToItsFirstPath() {
        assertThat(catalog.resolve("enosys").path()).isEqualTo(CallPath.SYSCALL);
        assertThat(catalog.resolve("brk").path()).isEqualTo(CallPath.SYSCALL);
    }

    @Test
    void aMistypedNameSuggestsTheClosest() {
        assertThatThrownBy(() -> catalog.resolve("getpd"))
                .isInstanceOf(UnknownCallException.class)
                .hasMessageContaining("'getpd'")
                .hasMessageContaining("did you mean getpid");
    }

    @Test
    void aMistypedNameWithAPathStillSuggests() {
        assertThatThrownBy(() -> catalog.resolve("getpd@syscall"))
                .isInstanceOf(UnknownCallException.class)
                .hasMessageContaining("did you mean getpid");
    }

    @Test
    void aPathTheCallLacksNamesThePathsItHas() {
        assertThatThrownBy(() -> catalog.resolve("getpid@vdso"))
                .isInstanceOf(UnknownCallException.class)
                .hasMessageContaining("vdso")
                .hasMessageContaining("libc, syscall");
    }

    @Test
    void anUnknownPathNamesThePathsTheCallHas() {
        assertThatThrownBy(() -> catalog.resolve("getpid@kernel"))
                .isInstanceOf(UnknownCallException.class)
                .hasMessageContaining("'kernel'")
                .hasMessageContaining("libc, syscall");
    }

    @Test
    void clockGettimeCrossesOnlyWhenTheVdsoCannotReadTheClockOrItIsForced() {
        CatalogEntry e = catalog.find("clock_gettime").orElseThrow();
        assertThat(e.crossesKernel(CallPath.LIBC, true)).isFalse();
        assertThat(e.crossesKernel(CallPath.LIBC, false)).isTrue();
        assertThat(e.crossesKernel(CallPath.VDSO, true)).isFalse();
        assertThat(e.crossesKernel(CallPath.SYSCALL, true)).isTrue();
        assertThat(e.crossesKernel(CallPath.SYSCALL, false)).isTrue();
    }

    @Test
    void theCputimeClockAlwaysCrosses() {
        CatalogEntry e = catalog.find("clock_gettime_cputime").orElseThrow();
        assertThat(e.crossesKernel(CallPath.LIBC, true)).isTrue();
        assertThat(e.crossesKernel(CallPath.LIBC, false)).isTrue();
    }

    @Test
    void ffiNoopNeverCrossesAndGetpidAlwaysDoes() {
        CatalogEntry noop = catalog.find("ffi-noop").orElseThrow();
        assertThat(noop.crossesKernel(CallPath.LIBC, true)).isFalse();
        assertThat(noop.crossesKernel(CallPath.LIBC, false)).isFalse();
        CatalogEntry getpid = catalog.find("getpid").orElseThrow();
        assertThat(getpid.crossesKernel(CallPath.LIBC, true)).isTrue();
        assertThat(getpid.crossesKernel(CallPath.SYSCALL, false)).isTrue();
    }

    @Test
    void everyEntryCrossesAtLeastOnceExceptFfiNoop() {
        for (CatalogEntry e : catalog.entries()) {
            if (e.name().equals("ffi-noop")) {
                assertThat(e.crossings()).as(e.name()).isZero();
            } else {
                assertThat(e.crossings()).as(e.name()).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Test
    void crossingsMatchTheSyscallsListedPlusThePageFault() {
        for (CatalogEntry e : catalog.entries()) {
            if (!e.syscalls().isEmpty()) {
                int faults = e.name().startsWith("page_fault") ? 1 : 0;
                assertThat(e.crossings())
                        .as("%s crossings vs syscalls %s", e.name(), e.syscalls())
                        .isEqualTo(e.syscalls().size() + faults);
            }
        }
    }

    @Test
    void processAndThreadCreationHaveOnlyTheLibcPath() {
        for (String name : List.of("spawn_wait", "thread_create")) {
            assertThat(catalog.find(name).orElseThrow().paths()).as(name).containsExactly(CallPath.LIBC);
        }
    }

    @Test
    void everySyscallNamedHasAnX8664Number() {
        for (CatalogEntry e : catalog.entries()) {
            if (e.name().equals("ffi-noop") || e.name().equals("enosys")) {
                assertThat(e.syscalls()).as(e.name()).isEmpty();
                continue;
            }
            assertThat(e.syscalls()).as(e.name()).isNotEmpty();
            for (String s : e.syscalls()) {
                assertThatCode(() -> SyscallNumbers.of(s))
                        .as("%s: syscall %s", e.name(), s)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void theContractNamesAreAllThereInTheirCategories() {
        assertThat(names("floor")).containsExactly("ffi-noop", "enosys");
        assertThat(names("process"))
                .containsExactly(
                        "getpid",
                        "getppid",
                        "gettid",
                        "getuid",
                        "geteuid",
                        "getpgrp",
                        "getrlimit",
                        "getrusage",
                        "umask",
                        "uname",
                        "prctl",
                        "spawn_wait",
                        "thread_create");
        assertThat(names("time"))
                .containsExactly(
                        "clock_gettime", "clock_gettime_cputime", "gettimeofday", "time", "getcpu", "clock_getres");
        assertThat(names("scheduling")).containsExactly("sched_yield", "sched_getaffinity", "ctx_switch");
        assertThat(names("file"))
                .containsExactly(
                        "read",
                        "write",
                        "pread",
                        "pwrite",
                        "lseek",
                        "fstat",
                        "fcntl",
                        "dup_close",
                        "open_close",
                        "stat",
                        "lstat",
                        "access",
                        "readlink");
        assertThat(names("memory"))
                .containsExactly("mmap_munmap", "mprotect", "madvise", "brk", "page_fault", "page_fault_file");
        assertThat(names("ipc"))
                .containsExactly(
                        "pipe_roundtrip",
                        "eventfd_roundtrip",
                        "futex_wake",
                        "kill0",
                        "signal_roundtrip",
                        "socketpair_roundtrip",
                        "udp_roundtrip",
                        "tcp_roundtrip",
                        "poll0",
                        "epoll_wait0");
        assertThat(names("batching")).containsExactly("writev", "readv", "sendmmsg", "io_uring_nop");
        assertThat(catalog.categories())
                .containsExactly("floor", "process", "time", "scheduling", "file", "memory", "ipc", "batching");
    }

    @Test
    void vdsoPathsAreOnlyOnCallsTheVdsoServes() {
        Set<String> withVdso = catalog.entries().stream()
                .filter(e -> e.has(CallPath.VDSO))
                .map(CatalogEntry::name)
                .collect(Collectors.toSet());
        assertThat(withVdso)
                .containsExactlyInAnyOrder("clock_gettime", "gettimeofday", "time", "getcpu", "clock_getres");
        for (CatalogEntry e : catalog.entries()) {
            if (e.has(CallPath.VDSO)) {
                assertThat(e.via()).as(e.name()).isIn(Via.VDSO, Via.VDSO_CLOCK);
            }
        }
    }

    @Test
    void specsListEveryNameThenEveryNameAtPath() {
        List<String> specs = catalog.specs();
        assertThat(specs)
                .contains("getpid", "getpid@libc", "getpid@syscall", "clock_gettime@vdso")
                .doesNotContain("getpid@vdso");
        assertThat(specs).doesNotHaveDuplicates();
    }

    private List<String> names(String category) {
        return catalog.entries().stream()
                .filter(e -> e.category().equals(category))
                .map(CatalogEntry::name)
                .collect(Collectors.toList());
    }
}
