package dev.sysc.probe;

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
        m.put("getpid", s -> calls(s)::getpid);
        m.put("getppid", s -> calls(s)::getppid);
        m.put("gettid", s -> calls(s)::gettid);
        m.put("getuid", s -> calls(s)::getuid);
        m.put("geteuid", s -> calls(s)::geteuid);
        m.put("getpgrp", s -> calls(s)::getpgrp);
        m.put("getrlimit", s -> {
            ProcessCalls c = calls(s);
            NativeMemory rlimit = NativeMemory.allocate(16);
            return () -> c.getrlimit(RLIMIT_NOFILE, rlimit.address());
        });
        m.put("getrusage", s -> {
            ProcessCalls c = calls(s);
            NativeMemory usage = NativeMemory.allocate(144);
            return () -> c.getrusage(RUSAGE_SELF, usage.address());
        });
        m.put("umask", s -> {
            ProcessCalls c = calls(s);
            // umask(2) returns the old mask; setting it back leaves the process as it was.
            int current = c.umask(0022);
            c.umask(current);
            return () -> c.umask(current);
        });
        m.put("uname", s -> {
            ProcessCalls c = calls(s);
            NativeMemory utsname = NativeMemory.allocate(390);
            return () -> c.uname(utsname.address());
        });
        m.put("prctl", s -> {
            ProcessCalls c = calls(s);
            return () -> c.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
        });
        m.put("sched_yield", s -> calls(s)::sched_yield);
        m.put("sched_getaffinity", s -> {
            ProcessCalls c = calls(s);
            NativeMemory mask = NativeMemory.allocate(CPU_SET_BYTES);
            return () -> c.sched_getaffinity(0, CPU_SET_BYTES, mask.address());
        });
    }

    private static ProcessCalls calls(Setup s) {
        return Bindings.process(s.path());
    }
}
