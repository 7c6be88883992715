package dev.sysc.batch;

import java.util.Arrays;
import java.util.TreeSet;

/** Batch sizes: the default sweeps, and {@code --sizes} parsed and checked. */
public final class BatchSizes {
    private BatchSizes() {}

    /** {@code from}, 2 × from, 4 × from, ... up to {@code to} (both powers of two). */
    static int[] powersOfTwo(int from, int to) {
        int n = Integer.numberOfTrailingZeros(to) - Integer.numberOfTrailingZeros(from) + 1;
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = from << i;
        }
        return sizes;
    }

    /**
     * Parses {@code 1,2,4,...}: positive integers separated by commas, returned sorted without repeats.
     *
     * @throws IllegalArgumentException naming the first bad value, e.g. {@code 'x' is not a positive integer}
     */
    public static int[] parse(String text) {
        TreeSet<Integer> sizes = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            int value;
            try {
                value = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "'" + dev.sysc.text.Untrusted.shown(p) + "' is not a positive integer");
            }
            if (value <= 0) {
                throw new IllegalArgumentException(
                        "'" + dev.sysc.text.Untrusted.shown(p) + "' is not a positive integer");
            }
            sizes.add(value);
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    static int largest(int[] sizes) {
        return Arrays.stream(sizes).max().orElse(1);
    }
}
