package dev.sysc.compare;

import java.util.List;

/** Run B compared with run A: what differs about the hosts, each matched call, and the unmatched ones. */
public record RunDiff(
        SavedRun a, SavedRun b, List<HostDifference> hostDifferences, List<DiffRow> rows, List<Unmatched> unmatched) {
    public RunDiff {
        hostDifferences = List.copyOf(hostDifferences);
        rows = List.copyOf(rows);
        unmatched = List.copyOf(unmatched);
    }
}
