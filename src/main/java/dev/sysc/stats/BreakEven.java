package dev.sysc.stats;

import java.util.OptionalInt;

/** Where a batched way of working starts to beat doing one thing per call. */
public final class BreakEven {
    private BreakEven() {}

    /**
     * The smallest size from which on the batched cost stays below the loop's: the first size {@code s}
     * such that at {@code s} and at every larger size measured, {@code batched < loop}. A single lucky
     * point below a crossing does not count; empty when the batched cost is not below at the largest size.
     *
     * @param sizes   the sizes measured, ascending
     * @param loop    the loop's cost per operation at each size
     * @param batched the batched cost per operation at each size
     */
    public static OptionalInt fromPoints(int[] sizes, double[] loop, double[] batched) {
        if (sizes.length != loop.length || sizes.length != batched.length) {
            throw new IllegalArgumentException("sizes and costs must have the same length");
        }
        int from = -1;
        for (int i = sizes.length - 1; i >= 0; i--) {
            if (batched[i] < loop[i]) {
                from = i;
            } else {
                break;
            }
        }
        return from < 0 ? OptionalInt.empty() : OptionalInt.of(sizes[from]);
    }

    /**
     * The smallest whole batch size at which a batch costing {@code fixed + n × perOp} in all costs
     * less per operation than {@code loopPerOp}: n > fixed / (loopPerOp − perOp). Empty when the
     * batched cost per operation never gets below the loop's.
     */
    public static OptionalInt fromFit(double fixed, double perOp, double loopPerOp) {
        double margin = loopPerOp - perOp;
        if (margin <= 0) {
            return OptionalInt.empty();
        }
        double n = Math.max(0, fixed) / margin;
        if (n >= Integer.MAX_VALUE) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Math.max(1, (int) Math.floor(n) + 1));
    }

    /**
     * The smallest size among {@code sizes} (ascending) from which on a cost {@code fixed + s × perUnit}
     * is mostly the per-unit part: {@code s × perUnit >= fixed}. For a read, the buffer size from which
     * copying the bytes costs more than the crossing itself.
     */
    public static OptionalInt whereVariableDominates(int[] sizes, double fixed, double perUnit) {
        for (int s : sizes) {
            if (s * perUnit >= fixed) {
                return OptionalInt.of(s);
            }
        }
        return OptionalInt.empty();
    }
}
