package dev.sysc.probe;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Turns a {@link CallRef} into a ready {@link Probe}, using the maker each call family registers. */
public final class Probes {
    private static final Map<String, ProbeMaker> MAKERS = makers();

    private Probes() {
    }

    /**
     * Prepares {@code call}; the caller closes the probe.
     *
     * @throws ProbeSetupException when the kernel refuses what the call needs
     */
    public static Probe open(CallRef call, Workspace workspace) {
        ProbeMaker maker = MAKERS.get(call.name());
        if (maker == null) {
            throw new IllegalStateException("no probe for catalog entry " + call.name());
        }
        Setup setup = new Setup(call, workspace);
        try {
            Operation op = maker.make(setup);
            return new Probe(call, op, setup.opened(), setup.negatedErrno());
        } catch (dev.sysc.os.NativeCallException e) {
            setup.opened().close();
            throw new ProbeSetupException(e.getMessage(), e.errno());
        } catch (RuntimeException | Error e) {
            setup.opened().close();
            throw e;
        }
    }

    /** The names that have a probe; a test checks they are exactly the catalog's. */
    static Set<String> names() {
        return MAKERS.keySet();
    }

    private static Map<String, ProbeMaker> makers() {
        Map<String, ProbeMaker> m = new HashMap<>();
        FloorProbes.register(m);
        ProcessProbes.register(m);
        TimeProbes.register(m);
        FileProbes.register(m);
        MemoryProbes.register(m);
        IpcProbes.register(m);
        BatchingProbes.register(m);
        return Map.copyOf(m);
    }
}
