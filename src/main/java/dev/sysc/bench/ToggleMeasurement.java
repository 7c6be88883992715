package dev.sysc.bench;

import dev.sysc.explain.SpeculationToggles;
import java.util.List;

/**
 * The system call floor measured with a per-thread speculation mitigation off and on.
 *
 * @param initialState the prctl state before sysc touched it, in words
 * @param without      measured with the mitigation off (speculation enabled)
 * @param with         measured with the mitigation on (speculation disabled), taken last
 * @param note         how the state was left afterwards, or why the toggle failed
 */
public record ToggleMeasurement(
        SpeculationToggles.Feature feature,
        String initialState,
        List<CallResult> without,
        List<CallResult> with,
        String note) {
    public ToggleMeasurement {
        without = List.copyOf(without);
        with = List.copyOf(with);
    }
}
