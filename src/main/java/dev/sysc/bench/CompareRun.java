package dev.sysc.bench;

import java.util.Optional;

/** Calls measured side by side, and which of them the others are compared with. */
public record CompareRun(MeasureRun run, int baselineIndex) {
    public CallResult baseline() {
        return run.results().get(baselineIndex);
    }

    /** {@code result}'s net median over the baseline call's; empty when either has no cost. */
    public Optional<Double> ratio(CallResult result) {
        CallResult base = baseline();
        if (!result.ok() || !base.ok() || base.net().median() == 0) {
            return Optional.empty();
        }
        return Optional.of(result.net().median() / base.net().median());
    }
}
