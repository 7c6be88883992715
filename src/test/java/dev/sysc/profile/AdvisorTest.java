package dev.sysc.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Advice appears only where the counts show the pattern, with the command that measures it. */
class AdvisorTest {
    private static final UnitCosts.Table COSTS =
            new UnitCosts.Table(50.0, Map.of("clock_gettime", new UnitCost(200.0, "measured:clock_gettime")));

    @Test
    void manySmallReadsAndWritesCallForBatchingAndSaveTheirCrossings() {
        List<Advice> a = Advisor.advise(Map.of("read", 600L, "write", 400L), COSTS);

        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.id()).isEqualTo("small-io");
            assertThat(x.command()).isEqualTo("sysc batch write");
            assertThat(x.text()).startsWith("1,000 read/write");
            assertThat(x.savingNs()).isEqualTo(1000 * 50.0);
        });
    }

    @Test
    void clockReadsInTheKernelPointAtTheVdsoAndSaveTheirWholeCost() {
        List<Advice> a = Advisor.advise(Map.of("clock_gettime", 100L), COSTS);

        assertThat(a)
                .extracting(Advice::id, Advice::command, Advice::savingNs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("clock-in-kernel", "sysc explain vdso", 20000.0));
    }

    @Test
    void belowTheThresholdsNothingIsSaid() {
        assertThat(Advisor.advise(
                        Map.of(
                                "read",
                                999L,
                                "clock_gettime",
                                99L,
                                "futex",
                                9999L,
                                "sched_yield",
                                999L,
                                "newfstatat",
                                999L),
                        COSTS))
                .isEmpty();
    }

    @Test
    void contentionStatLoopsAndYieldLoopsEachHaveTheirLine() {
        List<Advice> a = Advisor.advise(
                Map.of("futex", 10_000L, "newfstatat", 500L, "openat", 500L, "sched_yield", 1000L), COSTS);

        assertThat(a).extracting(Advice::id).containsExactly("futex-heavy", "path-lookups", "yield-loop");
        assertThat(a.get(0).savingNs()).isNull();
    }
}
