package dev.sysc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sysc.os.NativeCallException;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.Probe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The experiments' plumbing and arithmetic, on a fake clock with fake loops of known costs. */
class IndirectCostsTest {
    private final FakeClock clock = new FakeClock();
    private final MeasureSpec spec = new MeasureSpec(Duration.ofMillis(2), Duration.ofMillis(1), 0, -1, true);

    /** Loops whose costs follow simple rules, so every derived figure has a known answer. */
    private class FakeCode implements IndirectCosts.Code {
        final List<String> events = new ArrayList<>();
        boolean refuseFilters;
        int openSets;

        @Override
        public Probe emptyLoop() {
            return clock.probe("ffi-noop", 10);
        }

        @Override
        public Probe frames(int depth, boolean crossing) {
            // Loop 10 + 1 ns per frame; the crossing 100 ns plus 6 ns per frame returning after it.
            return clock.probe("getpid@raw", 10 + depth + (crossing ? 100 + 6L * depth : 0));
        }

        @Override
        public Probe getpid() {
            return clock.probe("getpid@raw", 110 + filterCost);
        }

        long filterCost;

        @Override
        public Probe crossing(IndirectCosts.Crossing crossing) {
            return clock.probe("getpid@raw", 10 + crossingCost(crossing));
        }

        /** getpid 100 ns, read 4 KiB 300, open_close 1000. */
        long crossingCost(IndirectCosts.Crossing c) {
            switch (c) {
                case READ_4K:
                    return 300;
                case OPEN_CLOSE:
                    return 1000;
                default:
                    return 100;
            }
        }

        @Override
        public IndirectCosts.WorkingSet workingSet(long bytes) {
            openSets++;
            setsMade++;
            setsMadeUnpinned += pinned ? 0 : 1;
            long lines = Math.min(bytes / 64, 4096);
            return new IndirectCosts.WorkingSet() {
                @Override
                public Probe walk(boolean dependent, IndirectCosts.Crossing crossing) {
                    // A pass costs 1 ns a line (2 dependent); after a crossing, 64 lines more are missed at 5 ns
                    // (after read 4 KiB, 128).
                    long pass = lines * (dependent ? 2 : 1);
                    long missed = crossing == null ? 0 : crossing == IndirectCosts.Crossing.READ_4K ? 128 : 64;
                    // Named by their group in the clock's trace: "walk 4096 sequential".
                    return Probe.of(
                            Catalog.builtIn().resolve("getpid@raw"),
                            clock.costing(
                                    "walk " + bytes + (dependent ? " dependent" : " sequential"),
                                    10 + pass + (crossing == null ? 0 : crossingCost(crossing)) + missed * 5));
                }

                @Override
                public int linesPerPass() {
                    return (int) lines;
                }

                @Override
                public void close() {
                    openSets--;
                }
            };
        }

        @Override
        public <T> T onFilteredThread(int instructions, boolean inspectsArgument, Supplier<T> work) {
            if (refuseFilters && instructions > 0) {
                throw new NativeCallException("seccomp(SECCOMP_SET_MODE_FILTER)", 22);
            }
            events.add(instructions + (inspectsArgument ? "a" : ""));
            // Cached: a flat 20 ns; inspecting an argument: 20 ns plus 0.25 ns per instruction.
            filterCost = instructions == 0 ? 0 : 20 + (inspectsArgument ? instructions / 4 : 0);
            try {
                return work.get();
            } finally {
                filterCost = 0;
            }
        }

        @Override
        public int filteredThreads() {
            return 0;
        }

        /** Whether the work runs inside {@link #onOneCpu}, and how many sets were made outside it. */
        boolean pinned;

        int setsMadeUnpinned;

        int setsMade;

        @Override
        public <T> T onOneCpu(int cpu, Supplier<T> work) {
            events.add("cpu " + cpu);
            pinned = true;
            try {
                return work.get();
            } finally {
                pinned = false;
            }
        }
    }

    private IndirectCostResults run(FakeCode code, Set<IndirectCosts.Experiment> which) {
        return new IndirectCosts(new ProbeSampler(clock, MeasureListener.NONE), code, spec).run(which);
    }

    @Test
    void theReturnStackPenaltyIsTheSlopeOfTheCrossingOverDepth() {
        ReturnStackResult r = run(new FakeCode(), EnumSet.of(IndirectCosts.Experiment.RETURN_STACK))
                .returnStack();
        assertThat(r.points())
                .extracting(ReturnStackResult.Point::frames)
                .containsExactly(1, 2, 3, 4, 6, 8, 10, 12, 14, 16);
        ReturnStackResult.Point four = r.points().get(3);
        assertThat(four.withoutCrossingNs()).isCloseTo(4, within(1e-9));
        assertThat(four.crossingNs()).isCloseTo(124, within(1e-9));
        assertThat(r.perFramePenaltyNs()).isCloseTo(6, within(1e-9));
        assertThat(r.crossingAtZeroNs()).isCloseTo(100, within(1e-9));
        assertThat(r.perFrameNoCrossingNs()).isCloseTo(1, within(1e-9));
        assertThat(r.extraUnder(10)).isCloseTo(60, within(1e-9));
    }

    @Test
    void pollutionIsWhatThePassLosesBeyondTheCrossingItself() {
        FakeCode code = new FakeCode();
        PollutionResult r =
                run(code, EnumSet.of(IndirectCosts.Experiment.POLLUTION)).pollution();
        // Sets up to 256 KiB after all three crossings, the larger three after getpid only; both walks.
        assertThat(r.points()).hasSize(2 * (3 * 3 + 3));
        assertThat(r.points())
                .filteredOn(p -> p.workingSetBytes() > IndirectCosts.ALL_CROSSINGS_UP_TO)
                .extracting(PollutionResult.Point::crossing)
                .containsOnly("getpid");
        assertThat(r.crossingNs()).isCloseTo(100, within(1e-9));
        PollutionResult.Point small = r.points().get(3);
        assertThat(small.workingSetBytes()).isEqualTo(4096);
        assertThat(small.walk()).isEqualTo("dependent");
        assertThat(small.crossing()).isEqualTo("getpid");
        assertThat(small.aloneNs()).isCloseTo(128, within(1e-9));
        assertThat(small.extraNs()).isCloseTo(320, within(1e-9));
        assertThat(small.extraPerLineNs()).isCloseTo(5, within(1e-9));
        assertThat(small.extraShare()).isCloseTo(2.5, within(1e-9));
        PollutionResult.Point read = r.points().get(4);
        assertThat(read.crossing()).isEqualTo("read 4 KiB");
        assertThat(read.crossingNs()).isCloseTo(300, within(1e-9));
        assertThat(read.extraNs()).isCloseTo(640, within(1e-9));
        assertThat(r.points().get(r.points().size() - 1).linesPerPass()).isEqualTo(4096);
        assertThat(code.openSets).isZero();
        // On one CPU, the first the process may use when the spec names none, from the first set on.
        assertThat(code.events).containsExactly("cpu -1");
        assertThat(code.setsMadeUnpinned).isZero();
    }

    @Test
    void pollutionSamplesEveryGroupOnceASweepInSeveralSweepsEachOnSetsOfItsOwn() {
        FakeCode code = new FakeCode();
        run(code, EnumSet.of(IndirectCosts.Experiment.POLLUTION));
        assertThat(code.setsMade).isEqualTo(IndirectCosts.POLLUTION_SWEEPS * IndirectCosts.WORKING_SETS.length);
        // The groups in the order the walks ran, a group's consecutive samples (its probes interleaved
        // with the crossings and the baseline) counted once.
        List<String> visits = new ArrayList<>();
        for (String name : clock.trace) {
            if (name.startsWith("walk ")
                    && (visits.isEmpty() || !visits.get(visits.size() - 1).equals(name))) {
                visits.add(name);
            }
        }
        List<String> sweep = new ArrayList<>();
        for (long bytes : IndirectCosts.WORKING_SETS) {
            sweep.add("walk " + bytes + " sequential");
            sweep.add("walk " + bytes + " dependent");
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < IndirectCosts.POLLUTION_SWEEPS; i++) {
            expected.addAll(sweep);
        }
        assertThat(IndirectCosts.POLLUTION_SWEEPS).isGreaterThan(1);
        assertThat(visits).isEqualTo(expected);
    }

    @Test
    void aSweepSamplesItsShareOfTheTimeOrOfTheSamples() {
        MeasureSpec timed = spec.splitOver(2);
        assertThat(timed.time()).isEqualTo(Duration.ofMillis(1));
        assertThat(timed.warmup()).isEqualTo(spec.warmup());
        assertThat(timed.samples()).isZero();
        MeasureSpec counted = new MeasureSpec(Duration.ofMillis(2), Duration.ZERO, 10, 1, true).splitOver(3);
        assertThat(counted.samples()).isEqualTo(4);
        assertThat(counted.cpu()).isEqualTo(1);
    }

    @Test
    void everyFilterRunsOnItsOwnThreadAndTheActionCacheShowsAsAFlatCost() {
        FakeCode code = new FakeCode();
        SeccompResult r =
                run(code, EnumSet.of(IndirectCosts.Experiment.SECCOMP)).seccomp();
        assertThat(code.events).containsExactly("0", "1", "16", "128", "512", "16a", "128a", "512a");
        assertThat(r.unfilteredNs()).isCloseTo(100, within(1e-9));
        assertThat(r.points())
                .filteredOn(SeccompResult.Point::cacheable)
                .allSatisfy(p -> assertThat(r.addedNs(p)).isCloseTo(20, within(1e-9)));
        SeccompResult.Point longest = r.points().get(r.points().size() - 1);
        assertThat(longest.cacheable()).isFalse();
        assertThat(r.addedNs(longest)).isCloseTo(148, within(1e-9));
        assertThat(r.filteredAfter()).isZero();
    }

    @Test
    void aRefusedFilterIsReportedAndTheOtherExperimentsStillRun() {
        FakeCode code = new FakeCode();
        code.refuseFilters = true;
        IndirectCostResults r =
                run(code, EnumSet.of(IndirectCosts.Experiment.SECCOMP, IndirectCosts.Experiment.RETURN_STACK));
        assertThat(r.seccomp()).isNull();
        assertThat(r.returnStack()).isNotNull();
        assertThat(r.pollution()).isNull();
        assertThat(r.failures())
                .singleElement()
                .asString()
                .startsWith("seccomp: seccomp(SECCOMP_SET_MODE_FILTER) failed");
    }

    @Test
    void noChoiceMeansEveryExperiment() {
        IndirectCostResults r = run(new FakeCode(), Set.of());
        assertThat(r.returnStack()).isNotNull();
        assertThat(r.pollution()).isNotNull();
        assertThat(r.seccomp()).isNotNull();
        assertThat(IndirectCosts.Experiment.of("pollution")).contains(IndirectCosts.Experiment.POLLUTION);
        assertThat(IndirectCosts.Experiment.of("tlb")).isEmpty();
        assertThat(IndirectCosts.bytesLabel(32 << 20)).isEqualTo("32 MiB");
        assertThat(IndirectCosts.bytesLabel(4096)).isEqualTo("4 KiB");
    }
}
