package dev.sysc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.Probe;
import dev.sysc.probe.ProbeSetupException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerTest {
    private final FakeClock clock = new FakeClock();
    private final Catalog catalog = Catalog.builtIn();

    private Runner runner(Map<String, Long> costs) {
        return new Runner(clock, call -> clock.probe(call.id(), costs.get(call.name())), MeasureListener.NONE);
    }

    private static MeasureSpec spec(Duration time, int samples, boolean baseline) {
        return new MeasureSpec(time, Duration.ofMillis(50), samples, -1, baseline);
    }

    @Test
    void netIsRawMinusBaseline() {
        List<CallResult> results = runner(Map.of("getpid", 150L, "ffi-noop", 10L))
                .measure(List.of(catalog.resolve("getpid")), spec(Duration.ofMillis(100), 0, true), true);
        CallResult r = results.get(0);
        assertThat(r.ok()).isTrue();
        assertThat(r.raw().median()).isEqualTo(150);
        assertThat(r.baseline().median()).isEqualTo(10);
        assertThat(r.net().median()).isEqualTo(140);
        assertThat(r.net().p05()).isEqualTo(140);
        assertThat(r.crossesKernel()).isTrue();
        assertThat(r.crossings()).isEqualTo(1);
        assertThat(r.sampleNs()).hasSize(r.samples()).containsOnly(150.0);
    }

    @Test
    void calibratesBatchesToTheTargetLength() {
        CallResult r = runner(Map.of("getpid", 150L, "ffi-noop", 10L))
                .measure(List.of(catalog.resolve("getpid")), spec(Duration.ofMillis(100), 0, true), true)
                .get(0);
        long batchNanos = (long) r.callsPerSample() * 150;
        assertThat(batchNanos).isBetween(Defaults.TARGET_BATCH_NANOS, 3 * Defaults.TARGET_BATCH_NANOS);
    }

    @Test
    void fillsTheTimeBudget() {
        long start = clock.now;
        CallResult r = runner(Map.of("getpid", 150L, "ffi-noop", 10L))
                .measure(List.of(catalog.resolve("getpid")), spec(Duration.ofMillis(100), 0, true), true)
                .get(0);
        long elapsed = clock.now - start;
        // Sampling fills its 100 ms (one sample pair more at most); warm-up (at most 50 ms here) and
        // calibration come on top.
        assertThat(elapsed)
                .isBetween(
                        Duration.ofMillis(100).toNanos(), Duration.ofMillis(160).toNanos());
        long perSample = (long) r.callsPerSample() * 150;
        assertThat((long) r.samples() * perSample)
                .isLessThanOrEqualTo(Duration.ofMillis(100).toNanos());
    }

    @Test
    void theBaselineIsTimedInBatchesOfItsOwn() {
        // A clock that costs 25 ns to read, like System.nanoTime. A slow call (50 µs) is timed one call
        // per batch; were the baseline timed in batches of one too, each of its samples would carry a
        // whole clock read (10 + 25 ns per call). In batches of its own the read is spread thin.
        FakeClock readCosts = new FakeClock() {
            @Override
            public long nanoTime() {
                now += 25;
                return now;
            }
        };
        Runner r = new Runner(
                readCosts,
                call -> readCosts.probe(call.id(), call.name().equals("ffi-noop") ? 10 : 50_000),
                MeasureListener.NONE);
        CallResult res = r.measure(List.of(catalog.resolve("getpid")), spec(Duration.ofMillis(20), 0, true), true)
                .get(0);
        assertThat(res.callsPerSample()).isEqualTo(1);
        assertThat(res.baseline().median()).isBetween(10.0, 10.1);
    }

    @Test
    void takesExactlyTheSamplesAskedFor() {
        CallResult r = runner(Map.of("getpid", 150L, "ffi-noop", 10L))
                .measure(List.of(catalog.resolve("getpid")), spec(Duration.ofMillis(1), 77, true), true)
                .get(0);
        assertThat(r.samples()).isEqualTo(77);
        assertThat(r.sampleNs()).hasSize(77);
    }

    @Test
    void interleavesCallAndBaselineWhileSampling() {
        runner(Map.of("getpid", 150L, "ffi-noop", 10L))
                .measure(
                        List.of(catalog.resolve("getpid")),
                        new MeasureSpec(Duration.ofMillis(5), Duration.ZERO, 0, -1, true),
                        true);
        // After calibration (getpid only), sampling alternates getpid, ffi-noop, getpid, ffi-noop, ...
        List<String> trace = clock.trace;
        assertThat(trace.get(0)).isEqualTo("getpid");
        assertThat(trace.subList(1, trace.size())).hasSizeGreaterThan(10);
        for (int i = 1; i < trace.size(); i++) {
            assertThat(trace.get(i)).isEqualTo(i % 2 == 1 ? "ffi-noop" : "getpid");
        }
    }

    @Test
    void withoutBaselineNetEqualsRaw() {
        CallResult r = runner(Map.of("getpid", 150L))
                .measure(List.of(catalog.resolve("getpid")), spec(Duration.ofMillis(50), 0, false), true)
                .get(0);
        assertThat(r.baseline()).isNull();
        assertThat(r.net().median()).isEqualTo(150);
        assertThat(clock.trace).doesNotContain("ffi-noop");
    }

    @Test
    void ffiNoopIsNotSubtractedFromItself() {
        CallResult r = runner(Map.of("ffi-noop", 10L))
                .measure(List.of(catalog.resolve("ffi-noop")), spec(Duration.ofMillis(50), 0, true), true)
                .get(0);
        assertThat(r.baseline()).isNull();
        assertThat(r.net().median()).isEqualTo(10);
        assertThat(r.crossesKernel()).isFalse();
        assertThat(r.crossings()).isZero();
    }

    @Test
    void warmUpEndsWhenBatchTimesStopFalling() {
        // The call gets cheaper over its first 2,000 invocations (a JIT compiling), then stays flat.
        long[] calls = {0};
        Runner r = new Runner(
                clock,
                call -> Probe.of(call, () -> {
                    calls[0]++;
                    clock.now += calls[0] < 2000 ? 400 : 100;
                    return 0;
                }),
                MeasureListener.NONE);
        long start = clock.now;
        CallResult result = r.measure(
                        List.of(catalog.resolve("getpid")),
                        new MeasureSpec(Duration.ofMillis(20), Duration.ofSeconds(10), 0, -1, false),
                        true)
                .get(0);
        long warmupAndSampling = clock.now - start;
        // Warm-up stopped long before its 10 s bound, and the slow start is not in the samples.
        assertThat(warmupAndSampling).isLessThan(Duration.ofMillis(200).toNanos());
        assertThat(result.raw().median()).isEqualTo(100);
    }

    @Test
    void failingCallReportsErrnoAndOthersStillRun() {
        Runner r = new Runner(
                clock,
                call -> {
                    if (call.name().equals("getppid")) {
                        return Probe.of(call, () -> -1);
                    }
                    return clock.probe(call.id(), call.name().equals("ffi-noop") ? 10 : 150);
                },
                MeasureListener.NONE);
        List<CallResult> results = r.measure(
                List.of(catalog.resolve("getpid"), catalog.resolve("getppid"), catalog.resolve("gettid")),
                spec(Duration.ofMillis(10), 0, true),
                true);
        assertThat(results).extracting(CallResult::ok).containsExactly(true, false, true);
        CallResult failed = results.get(1);
        assertThat(failed.net()).isNull();
        assertThat(failed.failure()).contains("getppid failed");
        assertThat(failed.samples()).isZero();
    }

    @Test
    void setupRefusalIsReportedWithItsErrno() {
        Runner r = new Runner(
                clock,
                call -> {
                    if (call.name().equals("io_uring_nop")) {
                        throw new ProbeSetupException("io_uring_setup was refused", 1);
                    }
                    return clock.probe(call.id(), 10);
                },
                MeasureListener.NONE);
        CallResult res = r.measure(List.of(catalog.resolve("io_uring_nop")), spec(Duration.ofMillis(10), 0, true), true)
                .get(0);
        assertThat(res.ok()).isFalse();
        assertThat(res.errno()).isEqualTo(1);
        assertThat(res.failure()).contains("io_uring_setup was refused").contains("EPERM");
    }

    @Test
    void vdsoCallCrossesOnlyWhenTheClockCannotBeReadInUserSpace() {
        Map<String, Long> costs = Map.of("clock_gettime", 20L, "ffi-noop", 10L);
        CallRef cg = catalog.resolve("clock_gettime");
        assertThat(runner(costs)
                        .measure(List.of(cg), spec(Duration.ofMillis(5), 0, true), true)
                        .get(0)
                        .crossesKernel())
                .isFalse();
        assertThat(runner(costs)
                        .measure(List.of(cg), spec(Duration.ofMillis(5), 0, true), false)
                        .get(0)
                        .crossesKernel())
                .isTrue();
    }

    @Test
    void reportsProgressToTheListener() {
        List<MeasureListener.Phase> phases = new ArrayList<>();
        Runner r = new Runner(
                clock,
                call -> clock.probe(call.id(), call.name().equals("ffi-noop") ? 10 : 150),
                (call, index, count, phase, fraction) -> {
                    assertThat(call).isEqualTo("getpid@libc");
                    assertThat(fraction).isBetween(0.0, 1.0);
                    phases.add(phase);
                });
        r.measure(
                List.of(catalog.resolve("getpid")),
                new MeasureSpec(Duration.ofMillis(500), Duration.ofMillis(200), 0, -1, true),
                true);
        assertThat(phases).contains(MeasureListener.Phase.SAMPLING);
    }

    @Test
    void compareSamplesCallsInRoundsEachPairedWithTheBaseline() {
        Map<String, Long> costs = Map.of("getpid", 150L, "getppid", 170L, "gettid", 160L, "ffi-noop", 10L);
        List<CallResult> results = runner(costs)
                .compare(
                        List.of(catalog.resolve("getpid"), catalog.resolve("getppid"), catalog.resolve("gettid")),
                        new MeasureSpec(Duration.ofMillis(5), Duration.ZERO, 0, -1, true),
                        true);
        assertThat(results).extracting(CallResult::name).containsExactly("getpid", "getppid", "gettid");
        assertThat(results).extracting(r -> r.net().median()).containsExactly(140.0, 160.0, 150.0);
        // All three have the same number of samples: one each per round.
        assertThat(results)
                .extracting(CallResult::samples)
                .containsOnly(results.get(0).samples());
        // After priming and calibrating each probe, sampling runs A base B base C base, round after round.
        List<String> round = List.of("getpid", "ffi-noop", "getppid", "ffi-noop", "gettid", "ffi-noop");
        List<String> trace = clock.trace;
        int start = trace.size() - round.size() * results.get(0).samples();
        assertThat(start).isGreaterThan(0);
        for (int i = start; i < trace.size(); i++) {
            assertThat(trace.get(i)).as("position %d", i).isEqualTo(round.get((i - start) % round.size()));
        }
    }

    @Test
    void compareKeepsGoingWhenOneCallFails() {
        Runner r = new Runner(
                clock,
                call -> call.name().equals("getppid")
                        ? Probe.of(call, () -> -1)
                        : clock.probe(call.id(), call.name().equals("ffi-noop") ? 10 : 150),
                MeasureListener.NONE);
        List<CallResult> results = r.compare(
                List.of(catalog.resolve("getpid"), catalog.resolve("getppid")),
                spec(Duration.ofMillis(5), 0, true),
                true);
        assertThat(results).extracting(CallResult::ok).containsExactly(true, false);
        assertThat(results.get(0).net().median()).isEqualTo(140);
    }
}
