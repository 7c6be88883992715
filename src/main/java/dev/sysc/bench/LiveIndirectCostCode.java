package dev.sysc.bench;

import dev.sysc.os.ExecutablePages;
import dev.sysc.os.IndirectCostCode;
import dev.sysc.os.SeccompFilter;
import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.Probe;
import dev.sysc.probe.Probes;
import java.util.concurrent.atomic.AtomicReference;
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
    public IndirectCosts.WorkingSet workingSet(long bytes) {
        IndirectCostCode.WorkingSet set = IndirectCostCode.WorkingSet.of(bytes);
        return new IndirectCosts.WorkingSet() {
            @Override
            public Probe walk(boolean dependent, boolean crossing) {
                return Probe.ofNativeLoop(getpid, IndirectCostCode.walk(set, dependent, crossing, pages));
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

    /**
     * The filter goes on a new thread, never on the caller: a filter cannot be taken off, and one
     * installed without TSYNC stays on the thread that installed it and the threads it starts later
     * (this one starts none). The thread is joined, and the call returns only once the kernel no longer
     * lists it, so no filtered thread outlives the measurement.
     */
    @Override
    public <T> T onFilteredThread(int instructions, boolean inspectsArgument, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long[] tid = {-1};
        Thread t = new Thread(() -> {
            try {
                tid[0] = SeccompFilter.threadId();
                if (instructions > 0) {
                    SeccompFilter.allowAll(instructions, inspectsArgument).installOnThisThread(pages);
                }
                result.set(work.get());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "sysc-seccomp-" + instructions);
        t.setDaemon(true);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        waitUntilGone(tid[0]);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** A joined thread's kernel task can linger a moment; wait (briefly) until /proc no longer has it. */
    private static void waitUntilGone(long tid) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (tid > 0 && SeccompFilter.modesOfThreads().containsKey(tid) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Override
    public int filteredThreads() {
        return (int) SeccompFilter.modesOfThreads().values().stream().filter(m -> m != 0).count();
    }
}
