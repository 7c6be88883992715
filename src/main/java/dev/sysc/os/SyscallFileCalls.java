package dev.sysc.os;

/**
 * {@link FileCalls} forced through syscall(2). Each method enters the kernel by the system call glibc's
 * wrapper uses (glibc 2.33 and later: open is openat, stat/lstat/fstat are newfstatat), so that a
 * call's libc and syscall paths differ only by the wrapper, not by the kernel entry point.
 */
final class SyscallFileCalls implements FileCalls {
    private final Syscalls s;
    private final int read = SyscallNumbers.of("read");
    private final int write = SyscallNumbers.of("write");
    private final int pread = SyscallNumbers.of("pread64");
    private final int pwrite = SyscallNumbers.of("pwrite64");
    private final int lseek = SyscallNumbers.of("lseek");
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final int AT_EMPTY_PATH = 0x1000;
    /** The empty path fstat passes with AT_EMPTY_PATH; static, so it is never freed. */
    private static final NativeMemory EMPTY_PATH = NativeMemory.cString("");

    private final int newfstatat = SyscallNumbers.of("newfstatat");
    private final int openat = SyscallNumbers.of("openat");
    private final int fcntl = SyscallNumbers.of("fcntl");
    private final int dup = SyscallNumbers.of("dup");
    private final int close = SyscallNumbers.of("close");
    private final int access = SyscallNumbers.of("access");
    private final int readlink = SyscallNumbers.of("readlink");
    private final int readv = SyscallNumbers.of("readv");
    private final int writev = SyscallNumbers.of("writev");

    SyscallFileCalls(Syscalls s) {
        this.s = s;
    }

    @Override
    public long read(int fd, long buf, long count) {
        return s.syscall(read, fd, buf, count);
    }

    @Override
    public long write(int fd, long buf, long count) {
        return s.syscall(write, fd, buf, count);
    }

    @Override
    public long pread(int fd, long buf, long count, long offset) {
        return s.syscall(pread, fd, buf, count, offset);
    }

    @Override
    public long pwrite(int fd, long buf, long count, long offset) {
        return s.syscall(pwrite, fd, buf, count, offset);
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        return s.syscall(lseek, fd, offset, whence);
    }

    @Override
    public int fstat(int fd, long statbuf) {
        return (int) s.syscall(newfstatat, fd, EMPTY_PATH.address(), statbuf, AT_EMPTY_PATH);
    }

    @Override
    public int fcntl(int fd, int cmd) {
        return (int) s.syscall(fcntl, fd, cmd);
    }

    @Override
    public int dup(int fd) {
        return (int) s.syscall(dup, fd);
    }

    @Override
    public int close(int fd) {
        return (int) s.syscall(close, fd);
    }

    @Override
    public int open(long path, int flags) {
        return (int) s.syscall(openat, AT_FDCWD, path, flags, 0);
    }

    @Override
    public int stat(long path, long statbuf) {
        return (int) s.syscall(newfstatat, AT_FDCWD, path, statbuf, 0);
    }

    @Override
    public int lstat(long path, long statbuf) {
        return (int) s.syscall(newfstatat, AT_FDCWD, path, statbuf, AT_SYMLINK_NOFOLLOW);
    }

    @Override
    public int access(long path, int mode) {
        return (int) s.syscall(access, path, mode);
    }

    @Override
    public long readlink(long path, long buf, long size) {
        return s.syscall(readlink, path, buf, size);
    }

    @Override
    public long readv(int fd, long iov, int iovcnt) {
        return s.syscall(readv, fd, iov, iovcnt);
    }

    @Override
    public long writev(int fd, long iov, int iovcnt) {
        return s.syscall(writev, fd, iov, iovcnt);
    }
}
