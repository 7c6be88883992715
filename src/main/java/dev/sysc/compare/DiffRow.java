package dev.sysc.compare;

import java.util.Locale;

/**
 * One call present in both runs.
 *
 * @param aMedianNs   median of run A's raw samples (ns per call, FFI cost included: the data tested)
 * @param delta       b / a − 1
 * @param pValue      two-sided Mann-Whitney U p-value of the two sample sets; NaN when the test is undefined
 * @param significant p below {@link RunComparison#ALPHA} and a change of at least {@link RunComparison#MIN_CHANGE}
 * @param pNote       why there is no p-value, or null when there is one
 */
public record DiffRow(
        String name,
        String path,
        double aMedianNs,
        double bMedianNs,
        double delta,
        double pValue,
        boolean significant,
        String pNote) {
    /** A row whose test was defined. */
    public DiffRow(
            String name,
            String path,
            double aMedianNs,
            double bMedianNs,
            double delta,
            double pValue,
            boolean significant) {
        this(name, path, aMedianNs, bMedianNs, delta, pValue, significant, null);
    }

    /** Whether the test gave a p-value. */
    public boolean hasPValue() {
        return !Double.isNaN(pValue);
    }

    /** benchstat's verdict: "~" for no significant change, else the signed change, e.g. "+40.1%". */
    public String verdict() {
        return significant ? String.format(Locale.ROOT, "%+.1f%%", delta * 100) : "~";
    }

    public String id() {
        return name + "@" + path;
    }
}
