package dev.sysc.probe;

import java.util.function.Function;
import java.util.function.IntSupplier;

import dev.sysc.os.Bindings;
import dev.sysc.os.NativeMemory;
import dev.sysc.os.ProcessCalls;
import java.util.Map;

/** Process identity, limits and scheduling calls. */
final class ProcessProbes {
    private static final int RLIMIT_NOFILE = 7;
    private static final int RUSAGE_SELF = 0;
    private static final int PR_GET_DUMPABLE = 3;
    private static final int CPU_SET_BYTES = 128;

    private ProcessProbes() {
    }

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
    }

    /** A call without arguments: the same libc function natively and from Java. */
    private static Operation noArguments(Setup s, String function, Function<ProcessCalls, IntSupplier> java) {
        s.natively().call(function);
        IntSupplier call = java.apply(calls(s));
        return call::getAsInt;
    }

    private static ProcessCalls calls(Setup s) {
        return Bindings.process(s.path());
    }
}
