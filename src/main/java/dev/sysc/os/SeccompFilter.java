package dev.sysc.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A classic-BPF seccomp program that allows every system call, of a chosen length, and the calls that
 * put one on the calling thread.
 *
 * <p>The program is {@code load; (jeq K, 0, 1; ret ALLOW) × m; [ja 0]; ret ALLOW}: an allow-list of m
 * rules, none of which names a real system call, so every call walks the whole list and is allowed by the
 * last instruction (an odd length gets one jump to the next instruction). With {@code inspectsArgument} the load reads the first argument instead of the system
 * call number. That difference is what the kernel's action cache (5.11+, kernel/seccomp.c,
 * {@code seccomp_cache_prepare_bitmap}) looks at: it emulates the program once per system call number,
 * and where the answer is "allow" whatever the arguments, it sets a bit and never runs the program for
 * that call again. A program that loads an argument cannot be emulated, so it runs on every call.
 *
 * <p>Both {@code PR_SET_NO_NEW_PRIVS} and {@code SECCOMP_SET_MODE_FILTER} without
 * {@code SECCOMP_FILTER_FLAG_TSYNC} act on the calling thread only (the flag and the filter live in its
 * task_struct); threads it creates afterwards inherit them. A thread made for the measurement and left
 * to end takes its filter with it.
 */
public final class SeccompFilter {
    private static final int BPF_LD_W_ABS = 0x20;
    private static final int BPF_JMP_JEQ_K = 0x15;
    private static final int BPF_RET_K = 0x06;
    private static final int BPF_JMP_JA = 0x05;
    private static final int SECCOMP_RET_ALLOW = 0x7fff0000;
    /** offsetof(struct seccomp_data, nr) and args[0]. */
    private static final int OFFSET_NR = 0;

    private static final int OFFSET_ARG0 = 16;
    /** Compared against, never matched: above every x86-64 system call number and every getpid argument. */
    private static final int UNUSED_VALUE = 100_000;

    private static final int PR_SET_NO_NEW_PRIVS = 38;
    private static final int SECCOMP_SET_MODE_FILTER = 1;
    /** BPF_MAXINSNS. */
    public static final int MAX_INSTRUCTIONS = 4096;

    private final int instructions;
    private final boolean inspectsArgument;

    private SeccompFilter(int instructions, boolean inspectsArgument) {
        this.instructions = instructions;
        this.inspectsArgument = inspectsArgument;
    }

    /** @param instructions 1 (a lone {@code ret ALLOW}) to {@link #MAX_INSTRUCTIONS} */
    public static SeccompFilter allowAll(int instructions, boolean inspectsArgument) {
        if (instructions < 1 || instructions > MAX_INSTRUCTIONS) {
            throw new IllegalArgumentException(
                    "an allow-all filter has 1 to " + MAX_INSTRUCTIONS + " instructions: " + instructions);
        }
        if (instructions == 1 && inspectsArgument) {
            throw new IllegalArgumentException("a one-instruction filter inspects nothing");
        }
        return new SeccompFilter(instructions, inspectsArgument);
    }

    public int instructions() {
        return instructions;
    }

    public boolean inspectsArgument() {
        return inspectsArgument;
    }

    /** The program, each instruction a struct sock_filter {code, jt, jf, k}. */
    List<long[]> program() {
        List<long[]> p = new ArrayList<>();
        if (instructions > 1) {
            p.add(new long[] {BPF_LD_W_ABS, 0, 0, inspectsArgument ? OFFSET_ARG0 : OFFSET_NR});
            for (int rule = 0; rule < (instructions - 2) / 2; rule++) {
                p.add(new long[] {BPF_JMP_JEQ_K, 0, 1, UNUSED_VALUE + rule});
                p.add(new long[] {BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW});
            }
            if (instructions % 2 == 1) {
                p.add(new long[] {BPF_JMP_JA, 0, 0, 0});
            }
        }
        p.add(new long[] {BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW});
        return p;
    }

    /** The program as the kernel reads it: 8 bytes an instruction, little-endian. */
    byte[] encode() {
        List<long[]> p = program();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * p.size()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (long[] insn : p) {
            b.putShort((short) insn[0]).put((byte) insn[1]).put((byte) insn[2]).putInt((int) insn[3]);
        }
        return b.array();
    }

    /**
     * Sets no_new_privs and installs this filter on the calling thread, for good: only a thread that
     * is about to end should call this.
     *
     * @throws NativeCallException when the kernel refuses (no seccomp, or a filter that denies prctl)
     * @throws ExecutablePages.ExecutableMemoryRefused when the calls' native code cannot run
     */
    public void installOnThisThread(ExecutablePages pages) {
        byte[] code = encode();
        NativeMemory program = NativeMemory.allocate(code.length);
        for (int i = 0; i < code.length; i++) {
            program.putByte(i, code[i]);
        }
        // struct sock_fprog { unsigned short len; struct sock_filter *filter; }: the pointer at offset 8.
        NativeMemory fprog = NativeMemory.allocate(16);
        fprog.putShort(0, (short) instructions);
        fprog.putLong(8, program.address());
        call(pages, "prctl(PR_SET_NO_NEW_PRIVS)", "prctl", PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
        call(pages, "seccomp(SECCOMP_SET_MODE_FILTER)", "seccomp", SECCOMP_SET_MODE_FILTER, 0, fprog.address());
        // Keep both alive until the kernel has copied the program.
        java.lang.ref.Reference.reachabilityFence(program);
        java.lang.ref.Reference.reachabilityFence(fprog);
    }

    private static void call(ExecutablePages pages, String what, String syscall, Object... args) {
        NativeSequence s = NativeSequence.on(CallPath.RAW);
        s.syscall(syscall, args);
        try (NativeLoop once = s.compile(pages)) {
            if (once.run(1) != 1) {
                throw new NativeCallException(what, once.errno());
            }
        }
    }

    /** The calling thread's kernel id (what gettid returns), read from /proc/thread-self; -1 if unreadable. */
    public static long threadId() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self"))
                    .getFileName()
                    .toString());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The seccomp mode ({@code Seccomp:} of /proc/PID/task/TID/status: 0 none, 1 strict, 2 filter) of every
     * thread of this process, keyed by thread id; threads that end while being read are left out.
     */
    public static java.util.Map<Long, Integer> modesOfThreads() {
        java.util.Map<Long, Integer> modes = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                Integer mode = mode(t.resolve("status"));
                if (mode != null) {
                    modes.put(Long.parseLong(t.getFileName().toString()), mode);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return modes;
    }

    /** The calling thread's seccomp mode, from /proc/thread-self/status; null when it cannot be read. */
    public static Integer modeOfThisThread() {
        return mode(Path.of("/proc/thread-self/status"));
    }

    private static Integer mode(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Seccomp:")) {
                    return Integer.parseInt(line.substring("Seccomp:".length()).trim());
                }
            }
            return null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
