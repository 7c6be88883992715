package dev.sysc.bench;

import dev.sysc.os.ExecutablePages;
import dev.sysc.os.SeccompFilter;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Work run on a thread of its own under an allow-all seccomp filter. The filter goes on a new thread,
 * never on the caller: a filter cannot be taken off, and one installed without TSYNC stays on the thread
 * that installed it and the threads it starts later (this one starts none). The thread is joined, and
 * {@link #run} returns only once the kernel no longer lists it, so no filtered thread outlives it.
 */
public final class FilteredThread {
    private FilteredThread() {}

    /**
     * @param instructions the filter's length, or 0 to run {@code work} on a new thread with no filter
     * @throws dev.sysc.os.NativeCallException when the kernel refuses the filter
     */
    public static <T> T run(int instructions, boolean inspectsArgument, ExecutablePages pages, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long[] tid = {-1};
        Thread t = new Thread(
                () -> {
                    try {
                        tid[0] = SeccompFilter.threadId();
                        if (instructions > 0) {
                            SeccompFilter.allowAll(instructions, inspectsArgument)
                                    .installOnThisThread(pages);
                        }
                        result.set(work.get());
                    } catch (RuntimeException e) {
                        failure.set(e);
                    }
                },
                "sysc-seccomp-" + instructions);
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
}
