package dev.sysc.probe;

import dev.sysc.os.Bindings;
import dev.sysc.os.CallPath;
import dev.sysc.os.ChildCalls;
import dev.sysc.os.FileCalls;
import dev.sysc.os.InstalledHandler;
import dev.sysc.os.IpcCalls;
import dev.sysc.os.LoopbackTcp;
import dev.sysc.os.LoopbackUdp;
import dev.sysc.os.NativeMemory;
import dev.sysc.os.NativeSequence;
import dev.sysc.os.SyscallNumbers;
import dev.sysc.os.Syscalls;
import java.util.Map;

/** Pipes, event counters, futexes, signals, sockets and readiness polling, all on sysc's own objects. */
final class IpcProbes {
    private static final int FUTEX_WAKE_PRIVATE = 1 | 128;
    private static final int AF_UNIX = 1;
    private static final int SOCK_STREAM = 1;
    private static final int POLLIN = 1;
    /**
     * signal_roundtrip's signal is SIGRTMIN+5. HotSpot handles SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGPIPE,
     * SIGXFSZ, SIGQUIT (thread dumps), SIGUSR2 (its suspend/resume signal, SR_signum) and the shutdown
     * signals; glibc keeps 32 and 33 below SIGRTMIN for itself. SIGUSR1 is free in HotSpot but any library
     * or sun.misc.Signal user may take it; nothing in the JDK uses a real-time signal. Setup still refuses
     * the signal if anyone has installed a handler for it.
     */
    private static final int SIGRTMIN_OFFSET = 5;
    /** How long a loopback receive waits before it fails with EAGAIN: a byte lost is then an error, not a hang. */
    private static final int RECEIVE_TIMEOUT_SECONDS = 5;

    private IpcProbes() {}

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
        m.put("signal_roundtrip", s -> {
            // tgkill to this very thread: the kernel delivers the signal on the way out of tgkill, runs
            // the generated no-op handler on the user stack, and the handler's return goes through glibc's
            // restorer into rt_sigreturn, which puts the interrupted registers back (lat_sig catch).
            ChildCalls child = Bindings.child();
            int signal = child.__libc_current_sigrtmin() + SIGRTMIN_OFFSET;
            s.onClose(s.generated(pages -> InstalledHandler.noopLease(signal, pages)));
            int pid = child.getpid();
            int tid = child.gettid();
            IpcCalls c = Bindings.ipc(s.path());
            s.natively().call("tgkill", pid, tid, signal);
            return () -> c.tgkill(pid, tid, signal);
        });
        m.put("udp_roundtrip", s -> {
            int[] fds = LoopbackUdp.openPair(RECEIVE_TIMEOUT_SECONDS, s::closeFd);
            return echo(s, fds[0], fds[1]);
        });
        m.put("tcp_roundtrip", s -> {
            int[] fds = LoopbackTcp.openPair(RECEIVE_TIMEOUT_SECONDS, s::closeFd);
            return echo(s, fds[0], fds[1]);
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

    /**
     * lat_tcp and lat_udp in one thread: one byte from {@code a} to {@code b}, and back from {@code b}
     * to {@code a}, each received before the next send.
     */
    private static Operation echo(Setup s, int a, int b) {
        IpcCalls c = Bindings.ipc(s.path());
        NativeMemory out = s.keep(NativeMemory.allocate(8));
        NativeMemory in = s.keep(NativeMemory.allocate(8));
        NativeSequence n = s.natively();
        n.call("send", a, out.address(), 1, 0);
        n.call("recv", b, in.address(), 1, 0);
        n.call("send", b, in.address(), 1, 0);
        n.call("recv", a, in.address(), 1, 0);
        return () -> {
            long r = c.send(a, out.address(), 1, 0);
            r = r < 0 ? r : c.recv(b, in.address(), 1, 0);
            r = r < 0 ? r : c.send(b, in.address(), 1, 0);
            return r < 0 ? r : c.recv(a, in.address(), 1, 0);
        };
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
