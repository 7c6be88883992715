package dev.sysc.os;

import dev.sysc.os.X86Encoder.Label;
import dev.sysc.os.X86Encoder.Reg;
import java.util.ArrayList;
import java.util.List;

/**
 * What one iteration of a native loop does: a few calls with fixed arguments, made the way a C program
 * makes them, where a later call may take an earlier one's result (open's descriptor goes to close).
 * {@link #compile} turns it into machine code for
 * {@code for (i = 0; i < n; i++) { r = f(args); if (failed(r)) { save i, r, errno; return i; } }}.
 *
 * <p>On the libc path each call goes to the libc function itself; on the syscall path to glibc's
 * {@code syscall()} with the number and arguments the libc function would have used
 * ({@code libc-functions.tsv}); on the raw path the {@code syscall} instruction sits inline in the loop,
 * with no function frame around it; on the vdso path to the vDSO's own function.
 */
public final class NativeSequence {
    /** The result of an earlier step, passed as an argument to a later one. */
    public record Result(int step) {}

    /**
     * The 8 bytes at {@code address}, read when the call is made: for a value an earlier call stored
     * in memory (posix_spawn's pid, pthread_create's thread handle).
     */
    public record ValueAt(long address) {}

    /** How a step's result says it failed, and where its errno is then. */
    enum Check {
        /** A C int below 0; errno in the thread's errno variable. */
        INT,
        /** A long below 0 (-1, or MAP_FAILED); errno in the errno variable. */
        LONG,
        /** A C int below 0 that is itself the negated errno (the vDSO). */
        NEGATED_INT,
        /** A long below 0 that is itself the negated errno. */
        NEGATED_LONG,
        /** The kernel's own answer: -4095..-1 is a negated errno. */
        RAW,
        /** A C int that is 0 on success and otherwise the error number itself (pthread_create). */
        ERROR_NUMBER,
        /**
         * Exactly the expected count (a transfer of N bytes or N messages): below 0 the errno is in the
         * errno variable; a short count is a failure too, reported as EIO.
         */
        EXACT,
        /** Never checked (a call that cannot fail, or whose failure is the point). */
        NONE
    }

    record Step(
            boolean inlineSyscall,
            long target,
            boolean variadic,
            long[] immediates,
            int[] fromStep,
            Check check,
            long expected,
            Fragment fragment) {
        Step checked(Check other, long count) {
            return new Step(inlineSyscall, target, variadic, immediates, fromStep, other, count, fragment);
        }
    }

    /**
     * Code of another shape than a call (filling io_uring's rings): it may use the caller-saved
     * registers freely and jumps to {@code failed} with the failing value in rax.
     */
    interface Fragment {
        /**
         * Emits the fragment. It may clobber every caller-saved register, and it may use the 8 bytes
         * at {@code [rsp]} (the frame's alignment padding, {@link #SCRATCH}) for a value that must
         * survive a call; the callee-saved registers belong to the loop.
         */
        void emit(X86Encoder a, Label failed);
    }

    /** In {@code Step.fromStep}: the argument is the value at the immediate address, not the immediate. */
    static final int LOADED = -2;

    /** The offset from rsp of the loop frame's one free 8-byte slot, a fragment's scratch. */
    static final int SCRATCH = 0;

    /** The empty path of fstat's newfstatat(fd, "", buf, AT_EMPTY_PATH); static, so it is never freed. */
    private static final NativeMemory EMPTY_STRING = NativeMemory.cString("");

    private final CallPath path;
    private final List<Step> steps = new ArrayList<>();

    private NativeSequence(CallPath path) {
        this.path = path;
    }

    /** An empty sequence for calls on {@code path}; empty, it is the loop alone (the native baseline). */
    public static NativeSequence on(CallPath path) {
        return new NativeSequence(path);
    }

    /**
     * Appends a call of the libc function {@code function} (a row of {@code libc-functions.tsv}), made
     * by this sequence's path. Arguments are numbers or {@link Result}s of earlier steps.
     */
    public Result call(String function, Object... args) {
        LibcFunctions.Function f = LibcFunctions.of(function);
        switch (path) {
            case LIBC:
                return add(false, NativeEntryPoints.libc(function), false, args, libcCheck(f));
            case VDSO:
                return add(
                        false,
                        NativeEntryPoints.vdso(function),
                        false,
                        args,
                        f.returnsInt() ? Check.NEGATED_INT : Check.NEGATED_LONG);
            case VSYSCALL:
                // The emulation returns the system call's own result: -errno on failure, errno untouched.
                return add(
                        false,
                        Vsyscall.address(function),
                        false,
                        args,
                        f.returnsInt() ? Check.NEGATED_INT : Check.NEGATED_LONG);
            default:
                if (f.syscall() == null) {
                    throw new IllegalArgumentException(function + " makes no system call");
                }
                return syscall(f.syscall(), syscallArguments(f, args));
        }
    }

    /** Appends the system call {@code name}: through glibc's syscall(), or inline on the raw path. */
    public Result syscall(String name, Object... args) {
        return syscall(SyscallNumbers.of(name), args);
    }

    /** Appends system call number {@code number} (one the kernel may not have, for enosys). */
    public Result syscall(long number, Object... args) {
        if (path == CallPath.RAW) {
            return add(true, number, false, args, Check.RAW);
        }
        Object[] withNumber = new Object[args.length + 1];
        withNumber[0] = number;
        System.arraycopy(args, 0, withNumber, 1, args.length);
        return add(false, NativeEntryPoints.syscall(), true, withNumber, Check.LONG);
    }

    /** Appends a call of libc's {@code function} on any path: setup-free helpers such as getpagesize. */
    public Result libcFunction(String function, Object... args) {
        LibcFunctions.Function f = LibcFunctions.of(function);
        return add(false, NativeEntryPoints.libc(function), false, args, libcCheck(f));
    }

    private static Check libcCheck(LibcFunctions.Function f) {
        if (f.returnsErrorNumber()) {
            return Check.ERROR_NUMBER;
        }
        return f.returnsInt() ? Check.INT : Check.LONG;
    }

    /**
     * Appends a 4-byte store of 1 to {@code address}: an ordinary write to memory, which takes a page
     * fault when the page is not mapped in (after MADV_DONTNEED).
     */
    public Result storeTo(long address) {
        return fragment(
                (a, failed) -> {
                    a.movImm(Reg.R11, address);
                    a.storeImm32(Reg.R11, 0, 1);
                },
                Check.NONE);
    }

    /** Appends a 4-byte load from {@code address}: an ordinary read, faulting when the page is not mapped in. */
    public Result loadFrom(long address) {
        return fragment(
                (a, failed) -> {
                    a.movImm(Reg.R11, address);
                    a.load32(Reg.RAX, Reg.R11, 0);
                },
                Check.NONE);
    }

    /** Stops checking the last step's result: it cannot fail, or failing is what it is measured for. */
    public NativeSequence unchecked() {
        Step last = steps.remove(steps.size() - 1);
        steps.add(last.checked(Check.NONE, 0));
        return this;
    }

    /**
     * Makes the last step fail unless it returns exactly {@code count}: a short read or write is a
     * failure (EIO), as it is for the Java operation of the same batch.
     */
    public NativeSequence expecting(int count) {
        Step last = steps.remove(steps.size() - 1);
        if (last.inlineSyscall() || last.fragment() != null) {
            throw new IllegalArgumentException("only a function call's count can be expected");
        }
        steps.add(last.checked(Check.EXACT, count));
        return this;
    }

    private Object[] syscallArguments(LibcFunctions.Function f, Object[] args) {
        Object[] out = new Object[f.arguments().size()];
        for (int i = 0; i < out.length; i++) {
            String a = f.arguments().get(i);
            if (a.startsWith("$")) {
                out[i] = args[Integer.parseInt(a.substring(1)) - 1];
            } else if (a.equals("\"\"")) {
                out[i] = EMPTY_STRING.address();
            } else {
                out[i] = Long.parseLong(a);
            }
        }
        return out;
    }

    private Result add(boolean inlineSyscall, long target, boolean variadic, Object[] args, Check check) {
        int limit = inlineSyscall ? LoopEncoder.SYSCALL_ARGS.length : LoopEncoder.CALL_ARGS.length + 2;
        if (args.length > limit) {
            throw new IllegalArgumentException("too many arguments: " + args.length);
        }
        long[] immediates = new long[args.length];
        int[] fromStep = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof ValueAt v) {
                immediates[i] = v.address();
                fromStep[i] = LOADED;
            } else if (args[i] instanceof Result r) {
                if (r.step() >= steps.size() || r.step() >= LoopEncoder.RESULT_REGS.length) {
                    throw new IllegalArgumentException("step " + r.step() + " cannot pass its result here");
                }
                fromStep[i] = r.step();
            } else {
                immediates[i] = ((Number) args[i]).longValue();
                fromStep[i] = -1;
            }
        }
        steps.add(new Step(inlineSyscall, target, variadic, immediates, fromStep, check, 0, null));
        return new Result(steps.size() - 1);
    }

    /** Appends a fragment whose failures read as {@code check} says (NONE when it cannot fail). */
    Result fragment(Fragment fragment, Check check) {
        steps.add(new Step(false, 0, false, new long[0], new int[0], check, 0, fragment));
        return new Result(steps.size() - 1);
    }

    /**
     * Generates the loop, {@code long loop(long n, long *state, long clearErrno)}, and loads it into
     * executable memory. It returns how many iterations completed; when a step fails it stores, at
     * {@code state}, the step's result, the errno (read through {@code __errno_location()} on the failure
     * path only) and the step's index. With {@code clearErrno} set it zeroes errno first.
     *
     * @throws ExecutablePages.ExecutableMemoryRefused when the kernel will not run generated code
     */
    public NativeLoop compile(ExecutablePages pages) {
        return new NativeLoop(pages, encode(), checks());
    }

    private Check[] checks() {
        return steps.stream().map(Step::check).toArray(Check[]::new);
    }

    /** The loop's machine code (see {@link LoopEncoder}). */
    byte[] encode() {
        return LoopEncoder.encode(steps);
    }
}
