package dev.sysc.compare;

import dev.sysc.host.HostInfo;
import java.util.List;

/** A {@code sysc/result/v1} file as read back: where it came from, the machine, the results. */
public record SavedRun(String file, String timestamp, HostInfo host, List<SavedResult> results) {
    public SavedRun {
        results = List.copyOf(results);
    }
}
