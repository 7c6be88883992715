package dev.sysc.bench;

import dev.sysc.stats.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One working-set size and walk, and the net samples of each of its probes gathered over the sweeps. */
final class PollutionGroup {
    final long bytes;
    final boolean dependent;
    final List<IndirectCosts.Crossing> crossings;
    /** How many lines a pass of this group's walks touches, known once a sweep has made its set. */
    int linesPerPass;
    /** Per probe, the net samples of each sweep. */
    private final List<List<double[]>> samples = new ArrayList<>();

    PollutionGroup(long bytes, boolean dependent, List<IndirectCosts.Crossing> crossings) {
        this.bytes = bytes;
        this.dependent = dependent;
        this.crossings = crossings;
    }

    String walk() {
        return dependent ? "dependent" : "sequential";
    }

    String label() {
        return "pollution, " + walk() + " " + IndirectCosts.bytesLabel(bytes);
    }

    /**
     * Keeps one sweep's samples, one set per probe: the pass alone, then for each crossing the pass after
     * it and the crossing alone.
     */
    void add(List<RawSamples> sweep) {
        for (int i = 0; i < sweep.size(); i++) {
            if (samples.size() <= i) {
                samples.add(new ArrayList<>());
            }
            samples.get(i).add(sweep.get(i).net());
        }
    }

    /** The median net ns of probe {@code i} over the samples of every sweep. */
    double net(int i) {
        double[] all = samples.get(i).stream().flatMapToDouble(Arrays::stream).toArray();
        return Statistics.median(all);
    }
}
