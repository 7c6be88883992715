package dev.sysc.bench;

import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.Operation;
import dev.sysc.probe.Probe;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when a fake call runs: each call advances it by that call's cost. */
class FakeClock implements Timer {
    long now;
    final List<String> trace = new ArrayList<>();

    @Override
    public long nanoTime() {
        return now;
    }

    /** A probe of catalog call {@code spec} whose every invocation costs {@code costNs}. */
    Probe probe(String spec, long costNs) {
        CallRef call = Catalog.builtIn().resolve(spec);
        return Probe.of(call, costing(call.name(), costNs));
    }

    Operation costing(String name, long costNs) {
        return () -> {
            now += costNs;
            if (trace.isEmpty() || !trace.get(trace.size() - 1).equals(name)) {
                trace.add(name);
            }
            return 0;
        };
    }
}
