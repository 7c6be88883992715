package dev.sysc.compare;

import dev.sysc.stats.MannWhitney;
import dev.sysc.stats.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares two saved runs call by call, the way benchstat compares two sets of Go benchmarks. */
public final class RunComparison {
    /** Significance level of the Mann-Whitney test. */
    public static final double ALPHA = 0.05;
    /** Changes smaller than this are reported as "~" even when significant: noise of the method. */
    public static final double MIN_CHANGE = 0.01;

    private RunComparison() {}

    public static RunDiff diff(SavedRun a, SavedRun b) {
        Map<String, SavedResult> inB = new LinkedHashMap<>();
        for (SavedResult r : b.results()) {
            inB.put(r.id(), r);
        }
        List<DiffRow> rows = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        for (SavedResult ra : a.results()) {
            SavedResult rb = inB.remove(ra.id());
            if (rb == null) {
                unmatched.add(new Unmatched(ra.id(), "only in " + a.file()));
            } else if (ra.sampleNs().length == 0 || rb.sampleNs().length == 0) {
                unmatched.add(
                        new Unmatched(ra.id(), "no samples in " + (ra.sampleNs().length == 0 ? a.file() : b.file())));
            } else {
                rows.add(row(ra, rb));
            }
        }
        for (SavedResult rb : inB.values()) {
            unmatched.add(new Unmatched(rb.id(), "only in " + b.file()));
        }
        return new RunDiff(a, b, HostDifferences.between(a.host(), b.host()), rows, unmatched);
    }

    static DiffRow row(SavedResult a, SavedResult b) {
        double[] sa = a.sampleNs();
        double[] sb = b.sampleNs();
        double ma = Statistics.median(sa);
        double mb = Statistics.median(sb);
        double delta = ma == 0 ? 0 : mb / ma - 1;
        double p = MannWhitney.pValue(sa, sb);
        boolean significant = p < ALPHA && Math.abs(delta) >= MIN_CHANGE;
        return new DiffRow(
                a.name(), a.path(), ma, mb, delta, p, significant, Double.isNaN(p) ? undefined(sa, sb) : null);
    }

    /** Why the test gave no p-value: ranks of samples that are all one value carry no information. */
    static String undefined(double[] a, double[] b) {
        double first = a[0];
        boolean allEqual = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .allMatch(v -> v == first);
        return allEqual
                ? "undefined: every sample of both runs has the same value, so there is nothing to rank"
                : "undefined: too few samples for the Mann-Whitney U test";
    }
}
