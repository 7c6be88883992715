package dev.sysc.bench;

import dev.sysc.os.Affinity;
import dev.sysc.os.ExecutablePages;
import dev.sysc.os.IndirectCostCode;
import dev.sysc.os.Opened;
import dev.sysc.os.SeccompFilter;
import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.Probe;
import dev.sysc.probe.Probes;
import java.util.function.Supplier;

/** The experiments' real code: loops generated into executable pages, filters installed by the kernel. */
public final class LiveIndirectCostCode implements IndirectCosts.Code {
    private final ExecutablePages pages;
    private final CallRef getpid = Catalog.builtIn().resolve("getpid@raw");

    public LiveIndirectCostCode(ExecutablePages pages) {
        this.pages = pages;
    }

    @Override
    public Probe emptyLoop() {
        return Probes.emptyLoop(pages);
    }

    @Override
    public Probe frames(int depth, boolean crossing) {
        return Probe.ofNativeLoop(getpid, IndirectCostCode.frames(depth, crossing, pages));
    }

    @Override
    public Probe getpid() {
        return Probe.ofNativeLoop(getpid, IndirectCostCode.getpid(pages));
    }

    @Override
    public Probe crossing(IndirectCosts.Crossing crossing) {
        Opened opened = new Opened();
        return Probe.ofNativeLoop(getpid, IndirectCostCode.crossing(toCode(crossing), pages, opened), opened);
    }

    private static IndirectCostCode.Crossing toCode(IndirectCosts.Crossing c) {
        return c == null ? IndirectCostCode.Crossing.NONE : IndirectCostCode.Crossing.valueOf(c.name());
    }

    @Override
    public IndirectCosts.WorkingSet workingSet(long bytes) {
        IndirectCostCode.WorkingSet set = IndirectCostCode.WorkingSet.of(bytes);
        return new IndirectCosts.WorkingSet() {
            @Override
            public Probe walk(boolean dependent, IndirectCosts.Crossing crossing) {
                Opened opened = new Opened();
                return Probe.ofNativeLoop(
                        getpid, IndirectCostCode.walk(set, dependent, toCode(crossing), pages, opened), opened);
            }

            @Override
            public int linesPerPass() {
                return set.linesPerPass();
            }

            @Override
            public void close() {
                set.close();
            }
        };
    }

    @Override
    public <T> T onFilteredThread(int instructions, boolean inspectsArgument, Supplier<T> work) {
        return FilteredThread.run(instructions, inspectsArgument, pages, work);
    }

    @Override
    public <T> T onOneCpu(int cpu, Supplier<T> work) {
        return Pinning.during(cpu >= 0 ? cpu : Affinity.allowedCpus()[0], work);
    }

    @Override
    public int filteredThreads() {
        return (int) SeccompFilter.modesOfThreads().values().stream()
                .filter(m -> m != 0)
                .count();
    }
}
