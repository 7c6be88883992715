package dev.sysc.os;

import com.kenai.jffi.MemoryIO;
import dev.sysc.os.X86Encoder.Cond;
import dev.sysc.os.X86Encoder.Label;
import dev.sysc.os.X86Encoder.Reg;
import java.util.Random;

/**
 * The native loops of {@code sysc explain indirect-costs}: code shaped to show what a crossing costs
 * beyond its own entry and exit.
 *
 * <ul>
 *   <li>{@link #frames}: the {@code syscall} instruction (getpid) at the bottom of a chain of nested
 *       calls, or the same chain with nothing at the bottom. Every {@code ret} back up the chain is
 *       predicted by the CPU's return stack; a kernel that refills that stack on entry (a Spectre/Retbleed
 *       mitigation) makes each of those returns mispredict once.</li>
 *   <li>{@link #walk}: a pass over a working set, sequential or chasing pointers, alone or right after
 *       getpid, to see what the crossing left in the caches and TLB.</li>
 * </ul>
 */
public final class IndirectCostCode {
    /** The cache line the walks step by. */
    public static final int LINE = 64;

    private static final int GETPID = 39;

    private IndirectCostCode() {}

    /**
     * A loop whose every iteration calls a chain of {@code depth} nested functions
     * ({@code f1 → f2 → … → fdepth}); the innermost makes getpid with the {@code syscall} instruction
     * when {@code crossing}, else returns at once. Direct {@code call rel32}, as a compiler emits.
     */
    public static NativeLoop frames(int depth, boolean crossing, ExecutablePages pages) {
        if (depth < 1 || depth > 64) {
            throw new IllegalArgumentException("depth must be 1..64: " + depth);
        }
        NativeSequence s = NativeSequence.on(CallPath.RAW);
        s.fragment(
                (a, failed) -> {
                    Label[] f = new Label[depth];
                    for (int i = 0; i < depth; i++) {
                        f[i] = a.label();
                    }
                    Label after = a.label();
                    a.call(f[0]);
                    a.jmp(after);
                    for (int i = 0; i < depth; i++) {
                        a.align(16);
                        a.place(f[i]);
                        if (i + 1 < depth) {
                            a.call(f[i + 1]);
                        } else if (crossing) {
                            a.movImm(Reg.RAX, GETPID);
                            a.syscall();
                        }
                        a.ret();
                    }
                    a.place(after);
                },
                NativeSequence.Check.NONE);
        return s.compile(pages);
    }

    /** The crossings a walk can follow, each made by the {@code syscall} instruction inline. */
    public enum Crossing {
        /** No crossing: the walk alone. */
        NONE,
        /** getpid: the smallest footprint a crossing has. */
        GETPID,
        /** read of 4 KiB from /dev/zero into a buffer: the kernel writes 64 lines of the caller's memory. */
        READ_4K,
        /** openat of /dev/null and close of the descriptor: a path walk and a file table update. */
        OPEN_CLOSE
    }

    private static final int O_RDONLY = 0;
    private static final int AT_FDCWD = -100;
    private static final int BUFFER_BYTES = 4096;

    /**
     * Appends {@code crossing} to {@code s}; what it needs (the descriptor of /dev/zero, a buffer, a path)
     * is opened into {@code opened}, which the caller closes after the loop.
     */
    private static void cross(NativeSequence s, Crossing crossing, Opened opened) {
        switch (crossing) {
            case GETPID:
                s.syscall("getpid");
                break;
            case READ_4K: {
                int fd = opened.open("/dev/zero", O_RDONLY);
                NativeMemory buffer = opened.keep(NativeMemory.allocate(BUFFER_BYTES));
                s.syscall("read", fd, buffer.address(), BUFFER_BYTES);
                break;
            }
            case OPEN_CLOSE: {
                NativeMemory path = opened.keep(NativeMemory.cString("/dev/null"));
                NativeSequence.Result fd = s.syscall("openat", AT_FDCWD, path.address(), O_RDONLY, 0);
                s.syscall("close", fd);
                break;
            }
            default:
                break;
        }
    }

    /** {@code crossing} alone, in a loop of its own: what the walks after it pay for the crossing itself. */
    public static NativeLoop crossing(Crossing crossing, ExecutablePages pages, Opened opened) {
        NativeSequence s = NativeSequence.on(CallPath.RAW);
        cross(s, crossing, opened);
        return s.compile(pages);
    }

    /** getpid by the {@code syscall} instruction inline, alone: what the walks after it pay for it. */
    public static NativeLoop getpid(ExecutablePages pages) {
        NativeSequence s = NativeSequence.on(CallPath.RAW);
        s.syscall("getpid");
        return s.compile(pages);
    }

    /**
     * A loop whose every iteration, after getpid when {@code crossing} (checked: a failing crossing stops
     * the loop with its errno), touches {@link WorkingSet#linesPerPass}
     * cache lines of {@code set}, each once: in address order ({@code dependent} false: the prefetchers' best
     * case), or by following the pointer ring {@link WorkingSet} holds (each load waits for the one before).
     * A pass starts where the last one of its kind stopped (the set keeps a cursor for each), so a set
     * larger than one pass is still walked whole, a pass at a time, and stays the working set the caches
     * see.
     *
     * <p>The sequential walk loads {@link WorkingSet#linesPerStep} lines per loop iteration behind one
     * taken branch. At one line per iteration it was a loop of a few instructions whose speed the front
     * end set, and on a Zen 5 that speed has two levels, each held for tenths of a second: the same pass
     * took 140 or 195 ns (32 KiB) in one process, with the same code and data addresses, while the walk
     * after a crossing (which disturbs the front end every pass) did not change, so the extra of a
     * crossing swung by the difference. Unrolled, the walk is bound by its loads.
     */
    public static NativeLoop walk(WorkingSet set, boolean dependent, boolean crossing, ExecutablePages pages) {
        return walk(set, dependent, crossing ? Crossing.GETPID : Crossing.NONE, pages, new Opened());
    }

    /** A walk as above, after {@code crossing}; what the crossing needs is opened into {@code opened}. */
    public static NativeLoop walk(
            WorkingSet set, boolean dependent, Crossing crossing, ExecutablePages pages, Opened opened) {
        NativeSequence s = NativeSequence.on(CallPath.RAW);
        cross(s, crossing, opened);
        // The loop holds the set's addresses only: the probe keeps the set reachable, or a set nothing
        // else refers to could be freed under a running walk.
        opened.keep(set);
        s.fragment(
                (a, failed) -> {
                    Label top = a.label();
                    Label next = a.label();
                    a.movImm(Reg.RDX, set.cursorAddress(dependent));
                    a.load(Reg.RSI, Reg.RDX, 0);
                    a.movImm(Reg.RCX, set.linesPerPass());
                    a.movImm(Reg.R11, set.address() + set.bytes());
                    // A whole cache line for the loop head, so the walks with and without getpid before them
                    // lie alike in the instruction cache and the branch predictor's windows.
                    a.align(64);
                    a.place(top);
                    if (dependent) {
                        a.load(Reg.RSI, Reg.RSI, 0);
                        a.dec(Reg.RCX);
                        a.jcc(Cond.NE, top);
                    } else {
                        // The wrap to the set's start is out of line, so the loop's one taken branch is
                        // its back edge.
                        Label wrap = a.label();
                        Label wrapped = a.label();
                        int step = set.linesPerStep();
                        for (int i = 0; i < step; i++) {
                            a.load(Reg.RAX, Reg.RSI, i * LINE);
                        }
                        a.addImm(Reg.RSI, step * LINE);
                        a.cmp(Reg.RSI, Reg.R11);
                        a.jcc(Cond.E, wrap);
                        a.place(wrapped);
                        a.subImm(Reg.RCX, step);
                        a.jcc(Cond.NE, top);
                        a.jmp(next);
                        a.place(wrap);
                        a.movImm(Reg.RSI, set.address());
                        a.jmp(wrapped);
                    }
                    a.place(next);
                    a.store(Reg.RDX, 0, Reg.RSI);
                },
                NativeSequence.Check.NONE);
        return s.compile(pages);
    }

    /**
     * Memory for {@link #walk}, mapped privately, whose first word in every line points to the next line
     * of a random cycle through all of them (seeded: the same cycle every run), and where a walk left off.
     */
    public static final class WorkingSet implements AutoCloseable {
        /**
         * The most lines one pass touches (256 KiB): a pointer chase through 64 MiB takes a sixth of a
         * second here, too long to sample in a quick experiment.
         */
        public static final int MAX_LINES_PER_PASS = 4096;
        /**
         * The most lines the sequential walk loads per loop iteration (a power of two dividing the pass).
         * 16 rather than 8: with 8, a pass over 256 KiB (from L2) took 1.9 µs here against 1.4 µs.
         */
        public static final int MAX_LINES_PER_STEP = 16;

        private static final int PROT_READ_WRITE = 0x1 | 0x2;
        private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
        private static final int MADV_NOHUGEPAGE = 15;

        private final long address;
        private final long bytes;
        /**
         * Where the next pass starts, outside the set so walking never touches it: one for the sequential
         * walk, which steps by whole {@link #linesPerStep} and must stay on them, and one on the ring.
         */
        private final NativeMemory cursors = NativeMemory.allocate(16);

        private boolean closed;

        private WorkingSet(long address, long bytes) {
            this.address = address;
            this.bytes = bytes;
        }

        /** @param bytes a multiple of {@link #LINE}, at least two lines */
        public static WorkingSet of(long bytes) {
            if (bytes < 2L * LINE || bytes % LINE != 0 || bytes / LINE > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a working set is a whole number of lines, at least two: " + bytes);
            }
            long address = DirectLibc.mmap(0, bytes, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0);
            if (address == -1) {
                throw new NativeCallException("mmap", DirectLibc.errno());
            }
            // 4 KiB pages on purpose, whatever the system's THP setting: they are what a program's data
            // gets by default (THP "madvise"), and with them the walks need hundreds to thousands of TLB
            // entries, so a crossing that cost the program its translations would show. (2 MiB pages made
            // the 1 MiB sequential pass steadier here, ±2 % against ±8 % from one mapping to the next, since
            // a huge page fixes where its lines fall in the L2, but they would hide the TLB.) A kernel
            // without THP refuses the advice, and has 4 KiB pages anyway.
            DirectLibc.madvise(address, bytes, MADV_NOHUGEPAGE);
            WorkingSet set = new WorkingSet(address, bytes);
            set.link(new Random(bytes));
            set.cursors.putLong(0, address);
            set.cursors.putLong(8, address);
            return set;
        }

        private void link(Random random) {
            int n = lines();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            MemoryIO io = MemoryIO.getInstance();
            for (int i = 0; i < n; i++) {
                io.putLong(address + (long) order[i] * LINE, address + (long) order[(i + 1) % n] * LINE);
            }
        }

        public long address() {
            return address;
        }

        public long bytes() {
            return bytes;
        }

        public int lines() {
            return (int) (bytes / LINE);
        }

        /** How many lines one pass of a walk touches: all of them, up to {@link #MAX_LINES_PER_PASS}. */
        public int linesPerPass() {
            return Math.min(lines(), MAX_LINES_PER_PASS);
        }

        /**
         * How many lines the sequential walk loads per loop iteration: {@link #MAX_LINES_PER_STEP}, or the
         * largest power of two below it that divides the set, so that a pass (and the wrap at the set's
         * end) falls on a whole step.
         */
        public int linesPerStep() {
            int step = MAX_LINES_PER_STEP;
            while (lines() % step != 0) {
                step /= 2;
            }
            return step;
        }

        long cursorAddress(boolean dependent) {
            return cursors.address() + (dependent ? 8 : 0);
        }

        /** The line the next pass of the dependent or sequential walk starts at. */
        public int cursorLine(boolean dependent) {
            return (int) ((cursors.getLong(dependent ? 8 : 0) - address) / LINE);
        }

        /** The word at the start of line {@code line}: the address of the line the ring visits next. */
        public long next(int line) {
            return MemoryIO.getInstance().getLong(address + (long) line * LINE);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                DirectLibc.munmap(address, bytes);
            }
        }
    }
}
