package dev.sysc.os;

/** Pins the calling thread to one CPU with sched_setaffinity(2), so samples are not split across cores. */
public final class Affinity {
    /** Large enough for 1024 CPUs, the size glibc's cpu_set_t uses. */
    private static final int MASK_BYTES = 128;

    private Affinity() {}

    /** The CPUs this process may run on, in increasing order. */
    public static int[] allowedCpus() {
        NativeMemory mask = NativeMemory.allocate(MASK_BYTES);
        if (Bindings.process(CallPath.LIBC).sched_getaffinity(0, MASK_BYTES, mask.address()) != 0) {
            throw new NativeCallException("sched_getaffinity", Errnos.last());
        }
        return java.util.stream.IntStream.range(0, MASK_BYTES * 8)
                .filter(cpu -> (mask.getByte(cpu / 8) & (1 << (cpu % 8))) != 0)
                .toArray();
    }

    /** Restricts the calling thread to {@code cpu}; fails with the errno when the kernel refuses. */
    public static void pinCurrentThread(int cpu) {
        setAllowedCpus(new int[] {cpu});
    }

    /** The CPUs each thread had before its first {@link #pinWhileHeld}, by thread id. */
    private static final SharedByKey<Integer> PINNED = new SharedByKey<>();

    /**
     * Pins the calling thread to {@code cpu} until the returned hold is closed. Holds nest in any
     * order: the CPUs the thread had before the first one come back when the last one closes, even if
     * the holds are closed in another order than they were taken, or on another thread.
     */
    public static AutoCloseable pinWhileHeld(int cpu) {
        int tid = Bindings.process(CallPath.LIBC).gettid();
        AutoCloseable hold = PINNED.hold(tid, () -> {
            int[] before = allowedCpus();
            return () -> setAllowedCpus(tid, before);
        });
        try {
            setAllowedCpus(0, new int[] {cpu});
        } catch (RuntimeException e) {
            try {
                hold.close();
            } catch (Exception ignored) {
                // the pin failed; there is nothing else to undo
            }
            throw e;
        }
        return hold;
    }

    /** Lets the calling thread run on exactly {@code cpus} (to undo a pin, pass what {@link #allowedCpus} gave). */
    public static void setAllowedCpus(int[] cpus) {
        setAllowedCpus(0, cpus);
    }

    /** Lets thread {@code tid} (0: the calling thread) run on exactly {@code cpus}. */
    private static void setAllowedCpus(int tid, int[] cpus) {
        NativeMemory mask = NativeMemory.allocate(MASK_BYTES);
        for (int cpu : cpus) {
            mask.putByte(cpu / 8, (byte) (mask.getByte(cpu / 8) | (1 << (cpu % 8))));
        }
        long r = Bindings.syscalls().syscall(SyscallNumbers.of("sched_setaffinity"), tid, MASK_BYTES, mask.address());
        java.lang.ref.Reference.reachabilityFence(mask); // passed by address only
        if (r != 0) {
            throw new NativeCallException("sched_setaffinity", Errnos.last());
        }
    }
}
