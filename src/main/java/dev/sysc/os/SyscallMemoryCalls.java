package dev.sysc.os;

/** {@link MemoryCalls} forced through syscall(2). */
final class SyscallMemoryCalls implements MemoryCalls {
    private final Syscalls s;
    private final int mmap = SyscallNumbers.of("mmap");
    private final int munmap = SyscallNumbers.of("munmap");
    private final int mprotect = SyscallNumbers.of("mprotect");
    private final int madvise = SyscallNumbers.of("madvise");

    SyscallMemoryCalls(Syscalls s) {
        this.s = s;
    }

    @Override
    public long mmap(long addr, long length, int prot, int flags, int fd, long offset) {
        return s.syscall(mmap, addr, length, prot, flags, fd, offset);
    }

    @Override
    public int munmap(long addr, long length) {
        return (int) s.syscall(munmap, addr, length);
    }

    @Override
    public int mprotect(long addr, long length, int prot) {
        return (int) s.syscall(mprotect, addr, length, prot);
    }

    @Override
    public int madvise(long addr, long length, int advice) {
        return (int) s.syscall(madvise, addr, length, advice);
    }
}
