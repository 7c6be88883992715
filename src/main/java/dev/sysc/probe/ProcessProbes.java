package dev.sysc.probe;

import dev.sysc.os.Affinity;
import dev.sysc.os.Bindings;
import dev.sysc.os.CallPath;
import dev.sysc.os.ChildCalls;
import dev.sysc.os.FileCalls;
import dev.sysc.os.GeneratedRoutine;
import dev.sysc.os.NativeMemory;
import dev.sysc.os.NativeSequence;
import dev.sysc.os.ProcessCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;

/** Process identity, limits and scheduling calls, and the creation of processes and threads. */
final class ProcessProbes {
    /** What spawn_wait runs: a program that exits 0 at once, as lat_proc's "hello" nearly does. */
    static final String TRUE = "/bin/true";

    private static final int ENOENT = 2;
    private static final int RLIMIT_NOFILE = 7;
    private static final int RUSAGE_SELF = 0;
    private static final int PR_GET_DUMPABLE = 3;
    private static final int CPU_SET_BYTES = 128;

    private ProcessProbes() {}

    static void register(Map<String, ProbeMaker> m) {
        m.put("getpid", s -> noArguments(s, "getpid", c -> c::getpid));
        m.put("getppid", s -> noArguments(s, "getppid", c -> c::getppid));
        m.put("gettid", s -> noArguments(s, "gettid", c -> c::gettid));
        m.put("getuid", s -> noArguments(s, "getuid", c -> c::getuid));
        m.put("geteuid", s -> noArguments(s, "geteuid", c -> c::geteuid));
        m.put("getpgrp", s -> noArguments(s, "getpgrp", c -> c::getpgrp));
        m.put("getrlimit", s -> {
            ProcessCalls c = calls(s);
            NativeMemory rlimit = s.keep(NativeMemory.allocate(16));
            s.natively().call("getrlimit", RLIMIT_NOFILE, rlimit.address());
            return () -> c.getrlimit(RLIMIT_NOFILE, rlimit.address());
        });
        m.put("getrusage", s -> {
            ProcessCalls c = calls(s);
            NativeMemory usage = s.keep(NativeMemory.allocate(144));
            s.natively().call("getrusage", RUSAGE_SELF, usage.address());
            return () -> c.getrusage(RUSAGE_SELF, usage.address());
        });
        m.put("umask", s -> {
            ProcessCalls c = calls(s);
            // umask(2) returns the old mask; setting it back leaves the process as it was.
            int current = c.umask(0022);
            c.umask(current);
            s.natively().call("umask", current);
            return () -> c.umask(current);
        });
        m.put("uname", s -> {
            ProcessCalls c = calls(s);
            NativeMemory utsname = s.keep(NativeMemory.allocate(390));
            s.natively().call("uname", utsname.address());
            return () -> c.uname(utsname.address());
        });
        m.put("prctl", s -> {
            ProcessCalls c = calls(s);
            s.natively().call("prctl", PR_GET_DUMPABLE, 0, 0, 0, 0);
            return () -> c.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
        });
        m.put("sched_yield", s -> noArguments(s, "sched_yield", c -> c::sched_yield));
        m.put("sched_getaffinity", s -> {
            ProcessCalls c = calls(s);
            NativeMemory mask = s.keep(NativeMemory.allocate(CPU_SET_BYTES));
            s.natively().call("sched_getaffinity", 0, CPU_SET_BYTES, mask.address());
            return () -> c.sched_getaffinity(0, CPU_SET_BYTES, mask.address());
        });
        registerChildren(m);
    }

    private static void registerChildren(Map<String, ProbeMaker> m) {
        m.put("spawn_wait", s -> {
            // posix_spawn (glibc: clone3 with CLONE_VM|CLONE_VFORK, then execve in the child), then
            // waitpid reaps the child, so no zombie outlives an iteration.
            if (!Files.isExecutable(Path.of(TRUE))) {
                throw new ProbeSetupException("cannot run " + TRUE, ENOENT);
            }
            ChildCalls c = Bindings.child();
            NativeMemory path = s.keep(NativeMemory.cString(TRUE));
            NativeMemory argv = s.keep(NativeMemory.allocate(16)); // {TRUE, NULL}
            argv.putLong(0, path.address());
            NativeMemory envp = s.keep(NativeMemory.allocate(8)); // {NULL}: /bin/true needs no environment
            NativeMemory pid = s.keep(NativeMemory.allocate(8));
            NativeMemory status = s.keep(NativeMemory.allocate(8));
            NativeSequence n = s.natively();
            n.call("posix_spawn", pid.address(), path.address(), 0, 0, argv.address(), envp.address());
            n.call("waitpid", new NativeSequence.ValueAt(pid.address()), status.address(), 0);
            return () -> {
                int r = c.posix_spawn(pid.address(), path.address(), 0, 0, argv.address(), envp.address());
                return r != 0 ? -r : c.waitpid(pid.getInt(0), status.address(), 0);
            };
        });
        m.put("thread_create", s -> {
            // The thread runs a generated routine that returns at once; joining it waits for its exit.
            ChildCalls c = Bindings.child();
            GeneratedRoutine noop = s.routine(GeneratedRoutine::noop);
            NativeMemory thread = s.keep(NativeMemory.allocate(8));
            NativeSequence n = s.natively();
            n.call("pthread_create", thread.address(), 0, noop.address(), 0);
            n.call("pthread_join", new NativeSequence.ValueAt(thread.address()), 0);
            return () -> {
                int r = c.pthread_create(thread.address(), 0, noop.address(), 0);
                if (r == 0) {
                    r = c.pthread_join(thread.getLong(0), 0);
                }
                return -r;
            };
        });
        m.put("ctx_switch", ProcessProbes::contextSwitch);
    }

    /**
     * lat_ctx with two threads: this one and a generated partner, both pinned to one CPU, pass a byte
     * through two pipes. Each write wakes the other thread, each read blocks until it answers, so one
     * invocation is two switches (there and back) plus two writes and two reads.
     */
    private static Operation contextSwitch(Setup s) {
        FileCalls f = FileProbes.calls(s);
        NativeMemory fds = NativeMemory.allocate(16);
        Setup.check(Bindings.ipc(CallPath.LIBC).pipe(fds.address()), "pipe");
        int toPartnerRead = fds.getInt(0);
        int toPartnerWrite = fds.getInt(4);
        s.closeFd(toPartnerRead);
        OnceClosed toPartner = new OnceClosed(() -> Bindings.file(CallPath.LIBC).close(toPartnerWrite));
        s.onClose(toPartner);
        Setup.check(Bindings.ipc(CallPath.LIBC).pipe(fds.address() + 8), "pipe");
        int fromPartnerRead = fds.getInt(8);
        int fromPartnerWrite = fds.getInt(12);
        s.closeFd(fromPartnerRead);
        s.closeFd(fromPartnerWrite);

        int[] allowed = Affinity.allowedCpus();
        int cpu = allowed[allowed.length - 1];
        NativeMemory mask = s.keep(NativeMemory.allocate(CPU_SET_BYTES));
        mask.putByte(cpu / 8, (byte) (1 << (cpu % 8)));
        NativeMemory partnerBuffer = s.keep(NativeMemory.allocate(8));
        GeneratedRoutine echo = s.routine(pages -> GeneratedRoutine.pipeEcho(
                pages, toPartnerRead, fromPartnerWrite, partnerBuffer.address(), mask.address()));
        NativeMemory thread = s.keep(NativeMemory.allocate(8));
        ChildCalls c = Bindings.child();
        int r = c.pthread_create(thread.address(), 0, echo.address(), 0);
        if (r != 0) {
            throw new ProbeSetupException("pthread_create of the partner thread", r);
        }
        // Closing the pipe to the partner ends its loop (its read sees end of file); only then is it joined,
        // and only after that is its code unmapped (registered earlier, so closed later).
        s.onClose(() -> {
            toPartner.close();
            c.pthread_join(thread.getLong(0), 0);
        });
        // Held, not just set: probes of ctx_switch on several paths may be open at once and closed in any order.
        s.onClose(Affinity.pinWhileHeld(cpu));

        NativeMemory out = s.keep(NativeMemory.allocate(8));
        NativeMemory in = s.keep(NativeMemory.allocate(8));
        s.natively().call("write", toPartnerWrite, out.address(), 1);
        s.natively().call("read", fromPartnerRead, in.address(), 1);
        return () -> {
            long w = f.write(toPartnerWrite, out.address(), 1);
            return w < 0 ? w : f.read(fromPartnerRead, in.address(), 1);
        };
    }

    /** Something closed at most once, however many of its owners ask. */
    private static final class OnceClosed implements AutoCloseable {
        private final Runnable close;
        private boolean closed;

        OnceClosed(Runnable close) {
            this.close = close;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                close.run();
            }
        }
    }

    /** A call without arguments: the same libc function natively and from Java. */
    private static Operation noArguments(Setup s, String function, Function<ProcessCalls, IntSupplier> java) {
        s.natively().call(function);
        return s.java(() -> {
            IntSupplier call = java.apply(calls(s));
            return call::getAsInt;
        });
    }

    private static ProcessCalls calls(Setup s) {
        return Bindings.process(s.path());
    }
}
