package dev.sysc.batch;

import java.util.List;
import java.util.Optional;

/**
 * A selection's figures for the receiver alone. A whole batch includes the sender's work (on loopback
 * the kernel also delivers every datagram, and runs the filter, inside the send), which is the same
 * whichever way the receiver picks; the send alone was sampled in the same rounds as the strategies and
 * taken off each batch, sample by sample, so what is left is the receiver's work.
 *
 * @param sendOnly  how the send alone was measured
 * @param send      the send alone: ns per datagram sent, at each K (the point's batch)
 * @param receiver  per strategy, in the workload's order: the receiver's ns per wanted item at each K
 * @param counted   the crossings of one batch of each strategy at each K, counted
 */
public record ReceiverFigures(
        Strategy sendOnly, BatchSeries send, List<BatchSeries> receiver, List<CountedCrossings> counted) {
    public ReceiverFigures {
        receiver = List.copyOf(receiver);
        counted = List.copyOf(counted);
    }

    /** The receiver's series of {@code strategy}. */
    public Optional<BatchSeries> receiver(String strategy) {
        return receiver.stream().filter(s -> s.strategy().equals(strategy)).findFirst();
    }

    /** What one batch of {@code strategy} at {@code size} was counted to make, if it was counted. */
    public Optional<CountedCrossings> counted(String strategy, int size) {
        return counted.stream()
                .filter(c -> c.strategy().equals(strategy) && c.size() == size)
                .findFirst();
    }
}
