package dev.sysc.stats;

/**
 * A straight line y = intercept + slope × x fitted by least squares, with its coefficient of
 * determination. Batching is read off such lines: the cost of one batch of N operations is a fixed
 * cost for the crossing plus N times the cost of one operation.
 *
 * @param intercept the fitted y at x = 0 (the fixed cost)
 * @param slope     the fitted change in y per unit of x (the cost per operation, per byte)
 * @param r2        the share of the (weighted) variance of y the line explains, 1 for a perfect fit
 */
public record LinearFit(double intercept, double slope, double r2) {
    /** Ordinary least squares: every point counts alike. */
    public static LinearFit ordinary(double[] x, double[] y) {
        double[] w = new double[x.length];
        java.util.Arrays.fill(w, 1.0);
        return weighted(x, y, w);
    }

    /**
     * Least squares with each point's squared residual counted {@code w[i]} times.
     *
     * <p>With costs spanning orders of magnitude (a 1-byte read against a 1 MiB one), ordinary least
     * squares lets the big points' absolute noise swamp the intercept; weights of 1/y² minimize the
     * relative residuals instead ({@link #relative}).
     *
     * @throws IllegalArgumentException when the arrays differ in length, hold fewer than two distinct
     *                                  x values, or a weight is not positive
     */
    public static LinearFit weighted(double[] x, double[] y, double[] w) {
        if (x.length != y.length || x.length != w.length) {
            throw new IllegalArgumentException("x, y and weights must have the same length");
        }
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!(w[i] > 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException("weights must be positive and finite");
            }
            sw += w[i];
            sx += w[i] * x[i];
            sy += w[i] * y[i];
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("a line needs at least two points");
        }
        double mx = sx / sw;
        double my = sy / sw;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += w[i] * dx * dx;
            sxy += w[i] * dx * dy;
            syy += w[i] * dy * dy;
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("a line needs at least two distinct x values");
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double r2 = syy == 0 ? 1.0 : (sxy * sxy) / (sxx * syy);
        return new LinearFit(intercept, slope, r2);
    }

    /** Least squares on relative residuals: weights 1/y² (y must be non-zero). */
    public static LinearFit relative(double[] x, double[] y) {
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 0) {
                throw new IllegalArgumentException("a relative fit needs non-zero y values");
            }
            w[i] = 1 / (y[i] * y[i]);
        }
        return weighted(x, y, w);
    }

    /** The line's y at {@code x}. */
    public double at(double x) {
        return intercept + slope * x;
    }
}
