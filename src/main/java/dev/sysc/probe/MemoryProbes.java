package dev.sysc.probe;

import dev.sysc.os.Bindings;
import dev.sysc.os.CallPath;
import dev.sysc.os.MemoryCalls;
import dev.sysc.os.NativeMemory;
import dev.sysc.os.NativeSequence;
import dev.sysc.os.SyscallNumbers;
import dev.sysc.os.Syscalls;
import java.util.Map;

/**
 * Address-space calls on one page: never touched by the plain calls, so no page fault is timed there;
 * dropped and touched again by the page_fault entries, so one is.
 */
final class MemoryProbes {
    static final long PAGE = 4096;
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
    private static final int MADV_DONTNEED = 4;
    private static final int PROT_READ = 0x1;
    private static final int MAP_SHARED = 0x01;

    private MemoryProbes() {}

    static void register(Map<String, ProbeMaker> m) {
        m.put("mmap_munmap", s -> {
            MemoryCalls c = Bindings.memory(s.path());
            NativeSequence n = s.natively();
            n.call("munmap", n.call("mmap", 0, PAGE, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0), PAGE);
            return () -> {
                long addr = c.mmap(0, PAGE, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0);
                return addr == -1 ? -1 : c.munmap(addr, PAGE);
            };
        });
        m.put("mprotect", s -> {
            MemoryCalls c = Bindings.memory(s.path());
            long page = mapPage(s);
            s.natively().call("mprotect", page, PAGE, PROT_READ_WRITE);
            return () -> c.mprotect(page, PAGE, PROT_READ_WRITE);
        });
        m.put("madvise", s -> {
            MemoryCalls c = Bindings.memory(s.path());
            long page = mapPage(s);
            s.natively().call("madvise", page, PAGE, MADV_DONTNEED);
            return () -> c.madvise(page, PAGE, MADV_DONTNEED);
        });
        m.put("page_fault", s -> {
            // MADV_DONTNEED drops the page; the store that follows takes a fault, and the kernel hands
            // in a freshly zeroed page (lat_pagefault does the same on a file, see page_fault_file).
            MemoryCalls c = Bindings.memory(s.path());
            long page = mapPage(s);
            NativeMemory view = NativeMemory.wrap(page, PAGE);
            s.natively().call("madvise", page, PAGE, MADV_DONTNEED);
            s.natively().storeTo(page);
            return () -> {
                int r = c.madvise(page, PAGE, MADV_DONTNEED);
                if (r == 0) {
                    view.putInt(0, 1);
                }
                return r;
            };
        });
        m.put("page_fault_file", s -> {
            // A shared read-only mapping of the workspace's small file: after MADV_DONTNEED the read
            // faults, and the kernel maps the file's page straight from the page cache (no zeroing, no I/O).
            MemoryCalls c = Bindings.memory(s.path());
            int fd = s.open(s.workspace().smallFile(), Setup.O_RDONLY);
            MemoryCalls libc = Bindings.memory(CallPath.LIBC);
            long page = libc.mmap(0, PAGE, PROT_READ, MAP_SHARED, fd, 0);
            Setup.check(page == -1 ? -1 : 0, "mmap of the small file");
            s.onClose(() -> libc.munmap(page, PAGE));
            NativeMemory view = NativeMemory.wrap(page, PAGE);
            s.natively().call("madvise", page, PAGE, MADV_DONTNEED);
            s.natively().loadFrom(page);
            return () -> {
                int r = c.madvise(page, PAGE, MADV_DONTNEED);
                // The byte read is returned (never negative), so the JIT cannot drop the read.
                return r == 0 ? view.getByte(0) & 0xFF : r;
            };
        });
        m.put("brk", s -> {
            Syscalls sys = Bindings.syscalls();
            int brk = SyscallNumbers.of("brk");
            // brk(0) cannot fail: it answers with the current end of the heap.
            s.natively().syscall("brk", 0);
            return () -> sys.syscall(brk, 0);
        });
    }

    /** Maps one page for the probe's lifetime. */
    private static long mapPage(Setup s) {
        MemoryCalls libc = Bindings.memory(CallPath.LIBC);
        long page = libc.mmap(0, PAGE, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0);
        Setup.check(page == -1 ? -1 : 0, "mmap of one page");
        s.onClose(() -> libc.munmap(page, PAGE));
        return page;
    }
}
