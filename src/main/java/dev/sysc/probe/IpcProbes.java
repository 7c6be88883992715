package dev.sysc.probe;

import dev.sysc.os.Bindings;
import dev.sysc.os.CallPath;
import dev.sysc.os.FileCalls;
import dev.sysc.os.IpcCalls;
import dev.sysc.os.NativeMemory;
import dev.sysc.os.SyscallNumbers;
import dev.sysc.os.Syscalls;
import java.util.Map;

/** Pipes, event counters, futexes, signals, sockets and readiness polling, all on sysc's own objects. */
final class IpcProbes {
    private static final int FUTEX_WAKE_PRIVATE = 1 | 128;
    private static final int AF_UNIX = 1;
    private static final int SOCK_STREAM = 1;
    private static final int POLLIN = 1;

    private IpcProbes() {
    }

    static void register(Map<String, ProbeMaker> m) {
        m.put("pipe_roundtrip", s -> {
            NativeMemory fds = NativeMemory.allocate(8);
            Setup.check(ipc().pipe(fds.address()), "pipe");
            s.closeFd(fds.getInt(0));
            s.closeFd(fds.getInt(4));
            return roundTrip(s, fds.getInt(4), fds.getInt(0), 1);
        });
        m.put("eventfd_roundtrip", s -> {
            int fd = (int) Setup.check(ipc().eventfd(0, 0), "eventfd");
            s.closeFd(fd);
            // An eventfd is read and written 8 bytes (a counter) at a time.
            return roundTrip(s, fd, fd, 8, 1L);
        });
        m.put("futex_wake", s -> {
            Syscalls sys = Bindings.syscalls();
            int futex = SyscallNumbers.of("futex");
            NativeMemory word = s.keep(NativeMemory.allocate(4));
            // FUTEX_WAKE reads only the word, the operation and the count. Passing just those also keeps
            // the Java call on jffi's fast path, which takes at most six arguments (syscall's number
            // included); a seventh sends every call through a slow, allocating one.
            s.natively().syscall("futex", word.address(), FUTEX_WAKE_PRIVATE, 1);
            return () -> sys.syscall(futex, word.address(), FUTEX_WAKE_PRIVATE, 1);
        });
        m.put("kill0", s -> {
            IpcCalls c = Bindings.ipc(s.path());
            int self = Bindings.process(CallPath.LIBC).getpid();
            s.natively().call("kill", self, 0);
            return () -> c.kill(self, 0);
        });
        m.put("socketpair_roundtrip", s -> {
            NativeMemory fds = NativeMemory.allocate(8);
            Setup.check(ipc().socketpair(AF_UNIX, SOCK_STREAM, 0, fds.address()), "socketpair");
            s.closeFd(fds.getInt(0));
            s.closeFd(fds.getInt(4));
            return roundTrip(s, fds.getInt(0), fds.getInt(4), 1);
        });
        m.put("poll0", s -> {
            IpcCalls c = Bindings.ipc(s.path());
            int fd = s.open(FileProbes.DEV_NULL, Setup.O_WRONLY);
            NativeMemory pollfd = s.keep(NativeMemory.allocate(8));
            pollfd.putInt(0, fd);
            pollfd.putShort(4, (short) POLLIN);
            s.natively().call("poll", pollfd.address(), 1, 0);
            return () -> c.poll(pollfd.address(), 1, 0);
        });
        m.put("epoll_wait0", s -> {
            IpcCalls c = Bindings.ipc(s.path());
            int epfd = (int) Setup.check(ipc().epoll_create1(0), "epoll_create1");
            s.closeFd(epfd);
            NativeMemory events = s.keep(NativeMemory.allocate(12));
            s.natively().call("epoll_wait", epfd, events.address(), 1, 0);
            return () -> c.epoll_wait(epfd, events.address(), 1, 0);
        });
    }

    private static IpcCalls ipc() {
        return Bindings.ipc(CallPath.LIBC);
    }

    /** Writes {@code bytes} bytes into {@code writeFd} and reads them back from {@code readFd}. */
    private static Operation roundTrip(Setup s, int writeFd, int readFd, int bytes) {
        return roundTrip(s, writeFd, readFd, bytes, 0L);
    }

    private static Operation roundTrip(Setup s, int writeFd, int readFd, int bytes, long value) {
        FileCalls c = FileProbes.calls(s);
        NativeMemory out = s.keep(NativeMemory.allocate(8));
        out.putLong(0, value);
        NativeMemory in = s.keep(NativeMemory.allocate(8));
        s.natively().call("write", writeFd, out.address(), bytes);
        s.natively().call("read", readFd, in.address(), bytes);
        return () -> {
            long w = c.write(writeFd, out.address(), bytes);
            return w < 0 ? w : c.read(readFd, in.address(), bytes);
        };
    }
}
