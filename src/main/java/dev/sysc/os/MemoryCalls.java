package dev.sysc.os;

/** Address-space calls. {@code mmap} returns an address, or -1 (MAP_FAILED) on failure. */
public interface MemoryCalls {
    long mmap(long addr, long length, int prot, int flags, int fd, long offset);

    int munmap(long addr, long length);

    int mprotect(long addr, long length, int prot);

    int madvise(long addr, long length, int advice);
}
