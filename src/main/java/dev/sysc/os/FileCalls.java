package dev.sysc.os;

/** File descriptor and path calls; pointers are passed as addresses of native memory. */
public interface FileCalls {
    long read(int fd, long buf, long count);

    long write(int fd, long buf, long count);

    long pread(int fd, long buf, long count, long offset);

    long pwrite(int fd, long buf, long count, long offset);

    long lseek(int fd, long offset, int whence);

    int fstat(int fd, long statbuf);

    int fcntl(int fd, int cmd);

    int dup(int fd);

    int close(int fd);

    int open(long path, int flags);

    int stat(long path, long statbuf);

    int lstat(long path, long statbuf);

    int access(long path, int mode);

    long readlink(long path, long buf, long size);

    long readv(int fd, long iov, int iovcnt);

    long writev(int fd, long iov, int iovcnt);
}
