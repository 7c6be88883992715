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
 */
public record WorkloadInfo(String name, String title, Kind kind, String unit, String units, List<Strategy> strategies,
                           String loop, String batched, String batchedPhrase, String loopPhrase, String note) {
    public WorkloadInfo {
        strategies = List.copyOf(strategies);
    }

    /** How a workload's sizes are read. */
    public enum Kind {
        /** N operations per batch: one call each in a loop, or many on one crossing. */
        AMORTIZE,
        /** One call moving N bytes: the batch size is the buffer size. */
        BUFFER
    }

    public Strategy strategy(String name) {
        return strategies.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no strategy " + name + " in " + this.name));
    }
}
