package dev.sysc.bench;

import java.util.List;

/**
 * The pollution experiment: a pass over a working set alone, and right after getpid; what the pass
 * loses to the crossing is what the kernel left in the caches, TLB and predictors.
 *
 * @param crossingNs getpid alone, net ns (the median over all groups)
 * @param points     one per working-set size, walk and crossing
 */
public record PollutionResult(double crossingNs, List<Point> points) {
    public PollutionResult {
        points = List.copyOf(points);
    }

    /**
     * @param walk          "sequential" (every line in address order) or "dependent" (a pointer chase
     *                      through all lines in random order)
     * @param crossing      what came before the pass: getpid, read 4 KiB or open_close
     * @param linesPerPass  how many cache lines one pass touches (a large set is walked a part per pass)
     * @param aloneNs       net ns of one pass with no crossing
     * @param afterNs       net ns of the crossing and then one pass
     * @param crossingNs    the crossing alone, net ns, sampled beside them
     */
    public record Point(
            long workingSetBytes,
            String walk,
            String crossing,
            int linesPerPass,
            double aloneNs,
            double afterNs,
            double crossingNs) {
        /** What the pass lost to the crossing: (crossing + pass) − crossing − pass; noise can make it negative. */
        public double extraNs() {
            return afterNs - crossingNs - aloneNs;
        }

        public double extraPerLineNs() {
            return extraNs() / linesPerPass;
        }

        /** The extra as a share of the pass alone. */
        public double extraShare() {
            return aloneNs > 0 ? extraNs() / aloneNs : Double.NaN;
        }
    }
}
