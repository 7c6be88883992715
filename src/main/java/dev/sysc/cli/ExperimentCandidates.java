package dev.sysc.cli;

import dev.sysc.bench.IndirectCosts;
import java.util.ArrayList;

/** Completion candidates for explain's --experiment. */
public final class ExperimentCandidates extends ArrayList<String> {
    public ExperimentCandidates() {
        super(IndirectCosts.Experiment.ids());
    }
}
