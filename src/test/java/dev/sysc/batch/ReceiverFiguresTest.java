package dev.sysc.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sysc.bench.MeasureListener;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.bench.ProbeSampler;
import dev.sysc.bench.Timer;
import dev.sysc.probe.LoopKind;
import dev.sysc.probe.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sweep's receiver figures on a fake clock: the filter workload's strategies and send alone are fake
 * batches with known costs (a send of all 100 datagrams, then a recv per datagram received), so the
 * receiver's ns per wanted datagram, per datagram sent and its share are known exactly, and the crossings
 * in the result are the session's counts, whatever the strategy says it makes.
 */
class ReceiverFiguresTest {
    private static final long SEND = 200_000;
    private static final long RECV = 400;
    /** What a datagram that passes the filter costs the receiver beyond its recv (queueing it, not dropping it). */
    private static final long KEPT = 50;

    private long now;
    private final List<String> counted = new ArrayList<>();

    @Test
    void theSendAloneIsTakenOffEachBatchAndLeavesTheReceiversWork() {
        WorkloadResult r = sweep(new int[] {1, 10, 100});

        ReceiverFigures figures = r.receiver();
        assertThat(figures).isNotNull();
        assertThat(figures.sendOnly().name()).isEqualTo("send-only");
        assertThat(figures.send().at(10))
                .as("the send alone, ns per datagram sent")
                .isEqualTo(SEND / 100.0);
        BatchSeries discard = figures.receiver("discard").orElseThrow();
        BatchSeries filter = figures.receiver("bpf-filter").orElseThrow();
        for (int k : new int[] {1, 10, 100}) {
            int wanted = 100 / k;
            assertThat(discard.at(k)).as("discard at %d", k).isCloseTo(100.0 * RECV / wanted, within(1e-9));
            assertThat(filter.at(k)).as("bpf-filter at %d", k).isCloseTo(RECV + KEPT, within(1e-9));
            assertThat(r.receiverPerSent("discard", k)).isCloseTo(RECV, within(1e-9));
            assertThat(r.receiverPerSent("bpf-filter", k)).isCloseTo((RECV + KEPT) * wanted / 100.0, within(1e-9));
        }
        assertThat(r.receiverShare(1)).isCloseTo(450.0 / 400, within(1e-9));
        assertThat(r.receiverShare(100)).isCloseTo(450.0 / 40_000, within(1e-9));
        // The whole batch keeps the send: it rises with K for both.
        assertThat(r.series("bpf-filter").orElseThrow().at(100)).isCloseTo(SEND + RECV + KEPT, within(1e-9));
    }

    @Test
    void theCrossingsAreWhatTheSessionCountedForEachStrategyAndTheSendAlone() {
        WorkloadResult r = sweep(new int[] {1, 100});

        assertThat(counted)
                .containsExactly(
                        "discard@1", "bpf-filter@1", "send-only@1", "discard@100", "bpf-filter@100", "send-only@100");
        CountedCrossings c = r.receiver().counted("bpf-filter", 100).orElseThrow();
        // The fake counts 7 recv calls where the strategy would say 1: the result reports what was counted.
        assertThat(c.recvCalls()).isEqualTo(7);
        assertThat(c.crossings()).isEqualTo(8);
        assertThat(r.receiver().counted("send-only", 100).orElseThrow().dropped())
                .isEqualTo(100);
    }

    @Test
    void otherWorkloadsHaveNoReceiverFigures() {
        WorkloadResult r = BatchSweep.summarize(
                new WriteWorkload().info(), new int[] {1, 2}, new double[][] {{100, 100}, {50, 30}, {40, 20}});

        assertThat(r.receiver()).isNull();
        assertThat(r.receiverShare(2)).isNaN();
        assertThat(r.receiverPerSent("writev", 2)).isNaN();
    }

    private WorkloadResult sweep(int[] ks) {
        Timer clock = () -> now;
        MeasureSpec spec = new MeasureSpec(Duration.ofMillis(2), Duration.ofMillis(1), 5, -1, false, LoopKind.JAVA);
        BatchSweep sweep = new BatchSweep(new ProbeSampler(clock, MeasureListener.NONE), call -> {
            throw new AssertionError("no baseline without --baseline");
        });
        return sweep.run(List.of(new FakeFilter()), w -> ks, spec).get(0);
    }

    /** The filter workload's own strategies and words, with batches that only move the fake clock. */
    private final class FakeFilter implements Workload {
        private final WorkloadInfo info = new FilterWorkload().info();

        @Override
        public WorkloadInfo info() {
            return info;
        }

        @Override
        public int[] defaultSizes() {
            return new int[] {1, 10, 100};
        }

        @Override
        public int maxSize() {
            return 100;
        }

        @Override
        public String maxSizeReason() {
            return "";
        }

        @Override
        public Session open(int largest) {
            return new Session() {
                @Override
                public Operation batch(Strategy strategy, int k) {
                    int wanted = info.operations(k);
                    long cost = switch (strategy.name()) {
                        case "discard" -> SEND + 100 * RECV;
                        case "bpf-filter" -> SEND + wanted * (RECV + KEPT);
                        case "send-only" -> SEND;
                        default -> throw new AssertionError(strategy.name());
                    };
                    return () -> {
                        now += cost;
                        return 0;
                    };
                }

                @Override
                public CountedCrossings count(Strategy strategy, int k) {
                    counted.add(strategy.name() + "@" + k);
                    long recv = strategy.name().equals("send-only") ? 0 : 7;
                    long dropped = strategy.name().equals("send-only") ? 100 : 0;
                    return new CountedCrossings(strategy.name(), k, 1, recv, dropped);
                }

                @Override
                public void close() {}
            };
        }
    }
}
