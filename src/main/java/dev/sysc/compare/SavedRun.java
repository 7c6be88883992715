package dev.sysc.compare;

import dev.sysc.host.HostInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code sysc/result/v1} file as read back: where it came from, the machine, the results, and the
 * settings it was measured with (time, warmup, samples, cpu, baseline, loop: scalars, null when unset).
 */
public record SavedRun(
        String file, String timestamp, HostInfo host, List<SavedResult> results, Map<String, Object> settings) {
    public SavedRun {
        results = List.copyOf(results);
        // Not Map.copyOf: an unset setting is a null value, which it refuses.
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A run whose settings are not known. */
    public SavedRun(String file, String timestamp, HostInfo host, List<SavedResult> results) {
        this(file, timestamp, host, results, Map.of());
    }
}
