package dev.sysc.bench;

import java.util.List;

/**
 * The return-stack experiment: getpid by the {@code syscall} instruction at the bottom of a chain of
 * nested function frames, against the same chain with no crossing.
 *
 * @param points               one per chain depth, in depth order
 * @param perFramePenaltyNs    the slope of the crossing's cost over depth: what each frame that returns
 *                             after the crossing adds to it (least squares)
 * @param crossingAtZeroNs     the same line at depth 0: the crossing with no frame returning after it
 * @param perFrameNoCrossingNs the slope of the chain's own cost (without crossing) over depth: a call
 *                             and a predicted return
 * @param r2                   how well the penalty's line fits, 1 for a perfect fit
 */
public record ReturnStackResult(
        List<Point> points, double perFramePenaltyNs, double crossingAtZeroNs, double perFrameNoCrossingNs, double r2) {
    public ReturnStackResult {
        points = List.copyOf(points);
    }

    /**
     * One chain depth.
     *
     * @param withCrossingNs    net ns per iteration: the chain with getpid at its bottom
     * @param withoutCrossingNs net ns per iteration: the chain alone
     */
    public record Point(int frames, double withCrossingNs, double withoutCrossingNs) {
        /** What the crossing costs at this depth: the chain with it minus the chain without it. */
        public double crossingNs() {
            return withCrossingNs - withoutCrossingNs;
        }
    }

    /** What {@code frames} frames returning after a crossing add to it, by the fitted line. */
    public double extraUnder(int frames) {
        return perFramePenaltyNs * frames;
    }
}
