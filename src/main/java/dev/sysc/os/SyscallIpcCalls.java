package dev.sysc.os;

/** {@link IpcCalls} forced through syscall(2). */
final class SyscallIpcCalls implements IpcCalls {
    private final Syscalls s;
    private final int pipe = SyscallNumbers.of("pipe");
    private final int eventfd2 = SyscallNumbers.of("eventfd2");
    private final int kill = SyscallNumbers.of("kill");
    private final int socketpair = SyscallNumbers.of("socketpair");
    private final int poll = SyscallNumbers.of("poll");
    private final int epollCreate1 = SyscallNumbers.of("epoll_create1");
    private final int epollWait = SyscallNumbers.of("epoll_wait");
    private final int socket = SyscallNumbers.of("socket");
    private final int bind = SyscallNumbers.of("bind");
    private final int connect = SyscallNumbers.of("connect");
    private final int getsockname = SyscallNumbers.of("getsockname");
    private final int listen = SyscallNumbers.of("listen");
    private final int accept = SyscallNumbers.of("accept");
    private final int tgkill = SyscallNumbers.of("tgkill");
    private final int sendto = SyscallNumbers.of("sendto");
    private final int recvfrom = SyscallNumbers.of("recvfrom");
    private final int sendmmsg = SyscallNumbers.of("sendmmsg");
    private final int recvmmsg = SyscallNumbers.of("recvmmsg");
    private final int setsockopt = SyscallNumbers.of("setsockopt");
    private final int getsockopt = SyscallNumbers.of("getsockopt");

    SyscallIpcCalls(Syscalls s) {
        this.s = s;
    }

    @Override
    public int pipe(long fds) {
        return (int) s.syscall(pipe, fds);
    }

    @Override
    public int eventfd(int initval, int flags) {
        return (int) s.syscall(eventfd2, initval, flags);
    }

    @Override
    public int kill(int pid, int sig) {
        return (int) s.syscall(kill, pid, sig);
    }

    @Override
    public int socketpair(int domain, int type, int protocol, long fds) {
        return (int) s.syscall(socketpair, domain, type, protocol, fds);
    }

    @Override
    public int poll(long fds, long nfds, int timeout) {
        return (int) s.syscall(poll, fds, nfds, timeout);
    }

    @Override
    public int epoll_create1(int flags) {
        return (int) s.syscall(epollCreate1, flags);
    }

    @Override
    public int epoll_wait(int epfd, long events, int maxevents, int timeout) {
        return (int) s.syscall(epollWait, epfd, events, maxevents, timeout);
    }

    @Override
    public int socket(int domain, int type, int protocol) {
        return (int) s.syscall(socket, domain, type, protocol);
    }

    @Override
    public int bind(int fd, long addr, int addrlen) {
        return (int) s.syscall(bind, fd, addr, addrlen);
    }

    @Override
    public int connect(int fd, long addr, int addrlen) {
        return (int) s.syscall(connect, fd, addr, addrlen);
    }

    @Override
    public int getsockname(int fd, long addr, long addrlen) {
        return (int) s.syscall(getsockname, fd, addr, addrlen);
    }

    @Override
    public int listen(int fd, int backlog) {
        return (int) s.syscall(listen, fd, backlog);
    }

    @Override
    public int accept(int fd, long addr, long addrlen) {
        return (int) s.syscall(accept, fd, addr, addrlen);
    }

    @Override
    public int tgkill(int pid, int tid, int signal) {
        return (int) s.syscall(tgkill, pid, tid, signal);
    }

    @Override
    public long send(int fd, long buf, long len, int flags) {
        return s.syscall(sendto, fd, buf, len, flags, 0, 0);
    }

    @Override
    public long recv(int fd, long buf, long len, int flags) {
        return s.syscall(recvfrom, fd, buf, len, flags, 0, 0);
    }

    @Override
    public int sendmmsg(int fd, long msgvec, int vlen, int flags) {
        return (int) s.syscall(sendmmsg, fd, msgvec, vlen, flags);
    }

    @Override
    public int recvmmsg(int fd, long msgvec, int vlen, int flags, long timeout) {
        return (int) s.syscall(recvmmsg, fd, msgvec, vlen, flags, timeout, 0);
    }

    @Override
    public int setsockopt(int fd, int level, int optname, long optval, int optlen) {
        return (int) s.syscall(setsockopt, fd, level, optname, optval, optlen, 0);
    }

    @Override
    public int getsockopt(int fd, int level, int optname, long optval, long optlen) {
        return (int) s.syscall(getsockopt, fd, level, optname, optval, optlen, 0);
    }
}
