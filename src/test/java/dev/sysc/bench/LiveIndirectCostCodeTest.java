package dev.sysc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.os.Affinity;
import dev.sysc.os.ExecutablePages;
import org.junit.jupiter.api.Test;

/** The live experiments' pinning, with real affinity calls. */
class LiveIndirectCostCodeTest {
    private final LiveIndirectCostCode code = new LiveIndirectCostCode(ExecutablePages.SYSTEM);

    @Test
    void withNoCpuNamedTheWorkRunsOnTheFirstAllowedAndTheThreadGetsItsCpusBack() {
        int[] before = Affinity.allowedCpus();
        int[] during = code.onOneCpu(-1, Affinity::allowedCpus);
        assertThat(during).containsExactly(before[0]);
        assertThat(Affinity.allowedCpus()).containsExactly(before);
    }

    @Test
    void aNamedCpuIsTheOneTheWorkRunsOn() {
        int[] before = Affinity.allowedCpus();
        int last = before[before.length - 1];
        assertThat(code.onOneCpu(last, Affinity::allowedCpus)).containsExactly(last);
        assertThat(Affinity.allowedCpus()).containsExactly(before);
    }
}
