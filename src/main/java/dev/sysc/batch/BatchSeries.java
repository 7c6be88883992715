package dev.sysc.batch;

import java.util.List;

/** One strategy's points, by ascending batch size. */
public record BatchSeries(String strategy, List<BatchPoint> points) {
    public BatchSeries {
        points = List.copyOf(points);
    }

    /** ns per operation at {@code batch}, or NaN when it was not measured. */
    public double at(int batch) {
        return points.stream()
                .filter(p -> p.batch() == batch)
                .mapToDouble(BatchPoint::nsPerOp)
                .findFirst()
                .orElse(Double.NaN);
    }
}
