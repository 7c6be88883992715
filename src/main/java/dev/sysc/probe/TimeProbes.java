package dev.sysc.probe;

import dev.sysc.os.Bindings;
import dev.sysc.os.NativeMemory;
import dev.sysc.os.TimeCalls;
import java.util.Map;

/** Time and CPU-number calls: the ones the vDSO can answer without entering the kernel. */
final class TimeProbes {
    private static final int CLOCK_MONOTONIC = 1;
    private static final int CLOCK_PROCESS_CPUTIME_ID = 2;

    private TimeProbes() {}

    static void register(Map<String, ProbeMaker> m) {
        m.put("clock_gettime", s -> clockGettime(s, CLOCK_MONOTONIC));
        m.put("clock_gettime_cputime", s -> clockGettime(s, CLOCK_PROCESS_CPUTIME_ID));
        m.put("gettimeofday", s -> {
            TimeCalls c = Bindings.time(s.path());
            NativeMemory tv = s.keep(NativeMemory.allocate(16));
            s.natively().call("gettimeofday", tv.address(), 0);
            return () -> c.gettimeofday(tv.address(), 0);
        });
        m.put("time", s -> {
            TimeCalls c = Bindings.time(s.path());
            s.natively().call("time", 0);
            return () -> c.time(0);
        });
        m.put("getcpu", s -> {
            TimeCalls c = Bindings.time(s.path());
            NativeMemory cpuAndNode = s.keep(NativeMemory.allocate(8));
            s.natively().call("getcpu", cpuAndNode.address(), cpuAndNode.address() + 4, 0);
            // The lambda holds the buffer itself, not just its address, so it is not freed under us.
            return () -> c.getcpu(cpuAndNode.address(), cpuAndNode.address() + 4, 0);
        });
        m.put("clock_getres", s -> {
            TimeCalls c = Bindings.time(s.path());
            NativeMemory ts = s.keep(NativeMemory.allocate(16));
            s.natively().call("clock_getres", CLOCK_MONOTONIC, ts.address());
            return () -> c.clock_getres(CLOCK_MONOTONIC, ts.address());
        });
    }

    private static Operation clockGettime(Setup s, int clock) {
        TimeCalls c = Bindings.time(s.path());
        NativeMemory ts = s.keep(NativeMemory.allocate(16));
        s.natively().call("clock_gettime", clock, ts.address());
        return () -> c.clock_gettime(clock, ts.address());
    }
}
