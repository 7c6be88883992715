package dev.sysc.os;

/** Pipes, event counters, signals, sockets and readiness polling. */
public interface IpcCalls {
    int pipe(long fds);

    int eventfd(int initval, int flags);

    int kill(int pid, int sig);

    int socketpair(int domain, int type, int protocol, long fds);

    int poll(long fds, long nfds, int timeout);

    int epoll_create1(int flags);

    int epoll_wait(int epfd, long events, int maxevents, int timeout);

    int socket(int domain, int type, int protocol);

    int bind(int fd, long addr, int addrlen);

    int connect(int fd, long addr, int addrlen);

    int getsockname(int fd, long addr, long addrlen);

    int listen(int fd, int backlog);

    int accept(int fd, long addr, long addrlen);

    int tgkill(int pid, int tid, int signal);

    long send(int fd, long buf, long len, int flags);

    long recv(int fd, long buf, long len, int flags);

    int sendmmsg(int fd, long msgvec, int vlen, int flags);

    /** Receives up to {@code vlen} datagrams into an mmsghdr array; {@code timeout} is a timespec address or 0. */
    int recvmmsg(int fd, long msgvec, int vlen, int flags, long timeout);

    int setsockopt(int fd, int level, int optname, long optval, int optlen);

    int getsockopt(int fd, int level, int optname, long optval, long optlen);
}
