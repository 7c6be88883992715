package dev.sysc.batch;

/**
 * The cost of one batch of the fitted strategy as a line: {@code fixedNs + N × perOpNs} (for read,
 * N is bytes and {@code perOpNs} is the cost of a byte).
 *
 * @param r2 how well the line fits (weighted by 1/cost², see {@link dev.sysc.stats.LinearFit#relative})
 */
public record BatchFit(String strategy, double fixedNs, double perOpNs, double r2) {}
