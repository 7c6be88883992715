package dev.sysc.batch;

import java.util.List;

/**
 * What a workload is, as data for the reports: its strategies and the words its sentences are made of.
 *
 * @param name          the workload's name on the command line, e.g. {@code io_uring}
 * @param title         one line on what is compared
 * @param kind          whether a batch is compared with a loop, or one call is given a bigger buffer
 * @param unit          one operation, singular (request, byte, datagram)
 * @param units         plural of {@code unit}
 * @param strategies    all strategies, the reference loop first
 * @param loop          the strategy the others are compared with (speedup 1), or null for a buffer sweep
 * @param batched       the strategy whose cost line is fitted and whose break-even is reported
 * @param batchedPhrase how the sentence names the batched way, e.g. {@code io_uring}, {@code one writev}
 * @param loopPhrase    how the sentence names the loop, e.g. {@code one syscall per request}
 * @param note          what else to know about the figures (what every batch also does), or null
 * @param selection     for a {@link Kind#SELECT} workload, how many items a batch carries and the program
 *                      that picks the wanted ones; null for the others
 */
public record WorkloadInfo(
        String name,
        String title,
        Kind kind,
        String unit,
        String units,
        List<Strategy> strategies,
        String loop,
        String batched,
        String batchedPhrase,
        String loopPhrase,
        String note,
        Selection selection) {
    public WorkloadInfo {
        strategies = List.copyOf(strategies);
        if ((kind == Kind.SELECT) != (selection != null)) {
            throw new IllegalArgumentException(name + ": a selection goes with kind SELECT, and only with it");
        }
    }

    /** A workload whose sizes are batch sizes or buffer sizes. */
    public WorkloadInfo(
            String name,
            String title,
            Kind kind,
            String unit,
            String units,
            List<Strategy> strategies,
            String loop,
            String batched,
            String batchedPhrase,
            String loopPhrase,
            String note) {
        this(name, title, kind, unit, units, strategies, loop, batched, batchedPhrase, loopPhrase, note, null);
    }

    /**
     * What a {@link Kind#SELECT} batch is made of.
     *
     * @param perBatch how many items every batch carries (N), whatever K is
     * @param item     one item, singular, e.g. {@code datagram}
     * @param program  the disassembly of the program that keeps the wanted items, one instruction a line,
     *                 or empty when there is none
     * @param sendOnly a batch that does the sender's part alone (the items delivered the same way, none
     *                 received), sampled beside the strategies so that it can be taken off them and
     *                 leave the receiver's work; null when there is none
     */
    public record Selection(int perBatch, String item, List<String> program, Strategy sendOnly) {
        public Selection {
            program = List.copyOf(program);
        }

        /** The wanted items in a batch where 1 in {@code k} is wanted: items 0, k, 2k, ... */
        public int wanted(int k) {
            return (perBatch + k - 1) / k;
        }
    }

    /** How a workload's sizes are read. */
    public enum Kind {
        /** N operations per batch: one call each in a loop, or many on one crossing. */
        AMORTIZE,
        /** One call moving N bytes: the batch size is the buffer size. */
        BUFFER,
        /**
         * A fixed batch of {@link Selection#perBatch()} items of which 1 in K is wanted: the size is K,
         * and the cost unit is one wanted item.
         */
        SELECT
    }

    /** The operations one batch of {@code size} counts as: its size, or the wanted items of a selection. */
    public int operations(int size) {
        return kind == Kind.SELECT ? selection.wanted(size) : size;
    }

    public Strategy strategy(String name) {
        return strategies.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no strategy " + name + " in " + this.name));
    }
}
