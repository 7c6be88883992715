package dev.sysc.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.bench.MeasureListener;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.bench.ProbeSampler;
import dev.sysc.bench.Timer;
import dev.sysc.os.IoUring;
import dev.sysc.os.NativeCallException;
import dev.sysc.os.OpenDescriptors;
import dev.sysc.probe.Probes;
import dev.sysc.probe.Workspace;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Short real runs of every workload: the shape of what comes back and that nothing stays open. No
 * timing thresholds here: those belong to bench/batch-check, on a quiet machine.
 */
@org.junit.jupiter.api.Tag("slow")
class BatchWorkloadsTest {
    private static final MeasureSpec QUICK = new MeasureSpec(Duration.ofMillis(5), Duration.ZERO, 0, -1, true);
    private static final int[] SIZES = {1, 4, 16};
    static final RingFactory REFUSING = entries -> {
        throw new NativeCallException("io_uring_setup", 1); // EPERM, as with kernel.io_uring_disabled=2
    };

    private static List<WorkloadResult> run(RingFactory rings) {
        try (Workspace workspace = new Workspace()) {
            BatchSweep sweep = new BatchSweep(
                    new ProbeSampler(Timer.SYSTEM, MeasureListener.NONE), call -> Probes.open(call, workspace));
            return sweep.run(Workloads.all(rings), w -> SIZES, QUICK);
        }
    }

    @Test
    void everyWorkloadMeasuresEveryStrategyAtEverySizeAndClosesWhatItOpened() throws IOException {
        run(RingFactory.KERNEL); // bind everything once, so that jnr's own descriptors are not counted
        var before = OpenDescriptors.now();
        List<IoUring> opened = new ArrayList<>();

        List<WorkloadResult> results = run(entries -> {
            IoUring ring = IoUring.open(entries);
            opened.add(ring);
            return ring;
        });

        assertThat(OpenDescriptors.openedSince(before))
                .as("every fd, socket and ring closed")
                .isEmpty();
        assertThat(results)
                .extracting(WorkloadResult::name)
                .containsExactly("write", "read", "io_uring", "sendmmsg", "filter");
        for (WorkloadResult r : results) {
            if (r.name().equals("io_uring") && !r.available() && !r.failed()) {
                continue; // a kernel that refuses io_uring: covered by the refusal test
            }
            assertThat(r.available()).as(r.name() + ": " + r.reason()).isTrue();
            assertThat(r.failed()).isFalse();
            assertThat(r.series()).hasSize(r.info().strategies().size());
            for (BatchSeries s : r.series()) {
                assertThat(s.points()).extracting(BatchPoint::batch).containsExactly(1, 4, 16);
                assertThat(s.points()).allSatisfy(p -> assertThat(p.nsPerOp()).isFinite());
            }
            assertThat(r.sizes()).containsExactly(SIZES);
        }
        // The filter's receiver: its recv calls, counted on a real batch at each K, drop by K with the filter;
        // the send alone that its figures take off receives nothing, and the filter drops all 100.
        ReceiverFigures filter = results.get(4).receiver();
        for (int k : SIZES) {
            int wanted = (100 + k - 1) / k;
            assertThat(filter.counted("discard", k).orElseThrow())
                    .isEqualTo(new CountedCrossings("discard", k, 1, 100, 0));
            assertThat(filter.counted("bpf-filter", k).orElseThrow())
                    .isEqualTo(new CountedCrossings("bpf-filter", k, 1, wanted, 100 - wanted));
            assertThat(filter.counted("send-only", k).orElseThrow())
                    .isEqualTo(new CountedCrossings("send-only", k, 1, 0, 100));
            assertThat(filter.receiver()).allSatisfy(s -> assertThat(s.at(k)).isFinite());
        }
        assertThat(opened)
                .as("one ring for the io_uring workload, sized for its largest batch")
                .allSatisfy(ring -> assertThat(ring.entries()).isEqualTo(16));
    }

    @Test
    void aRefusedRingMakesIoUringUnavailableAndTheOthersStillRun() throws IOException {
        run(REFUSING);
        var before = OpenDescriptors.now();

        List<WorkloadResult> results = run(REFUSING);

        assertThat(OpenDescriptors.openedSince(before))
                .as("descriptors left open")
                .isEmpty();
        WorkloadResult ring = results.stream()
                .filter(r -> r.name().equals("io_uring"))
                .findFirst()
                .orElseThrow();
        assertThat(ring.available()).isFalse();
        assertThat(ring.failed()).as("a refusal is not a failure").isFalse();
        assertThat(ring.reason()).contains("io_uring_setup", "EPERM", "io_uring_disabled");
        assertThat(ring.series()).isEmpty();
        assertThat(results)
                .filteredOn(r -> !r.name().equals("io_uring"))
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.available()).as(r.name()).isTrue());
    }

    @Test
    void aBatchThatFailsWhileMeasuredFailsItsWorkloadLoudlyAndIsClosed() {
        boolean[] closed = {false};
        Strategy loop = new Strategy("loop", "getppid", "N calls", 0, 1);
        Strategy dropping = new Strategy("dropping", "sendmmsg", "loses one datagram from batch 4 on", 1, 0);
        WorkloadInfo info = new WorkloadInfo(
                "fake",
                "a workload that drops",
                WorkloadInfo.Kind.AMORTIZE,
                "datagram",
                "datagrams",
                List.of(loop, dropping),
                "loop",
                "dropping",
                "dropping",
                "the loop",
                null);
        Workload fake = new Workload() {
            @Override
            public WorkloadInfo info() {
                return info;
            }

            @Override
            public int[] defaultSizes() {
                return SIZES;
            }

            @Override
            public int maxSize() {
                return 16;
            }

            @Override
            public String maxSizeReason() {
                return "fake";
            }

            @Override
            public Session open(int largest) {
                return new Session() {
                    @Override
                    public dev.sysc.probe.Operation batch(Strategy s, int size) {
                        return () -> s == dropping && size >= 4 ? -11 : size;
                    }

                    @Override
                    public String explain(Strategy s, int size, int errno) {
                        return "not all " + size + " datagrams arrived";
                    }

                    @Override
                    public void close() {
                        closed[0] = true;
                    }
                };
            }
        };

        List<WorkloadResult> results;
        try (Workspace workspace = new Workspace()) {
            results = new BatchSweep(
                            new ProbeSampler(Timer.SYSTEM, MeasureListener.NONE), call -> Probes.open(call, workspace))
                    .run(List.of(fake, new WriteWorkload()), w -> SIZES, QUICK);
        }

        assertThat(closed[0]).isTrue();
        assertThat(results.get(0).available()).isFalse();
        assertThat(results.get(0).failed()).isTrue();
        assertThat(results.get(0).reason())
                .isEqualTo("dropping failed at batch 4: EAGAIN (Resource temporarily "
                        + "unavailable): not all 4 datagrams arrived");
        assertThat(results.get(1).available())
                .as("the next workload still runs")
                .isTrue();
        assertThat(new BatchRun("test", java.time.Instant.now(), null, QUICK, results).ok())
                .isFalse();
    }
}
