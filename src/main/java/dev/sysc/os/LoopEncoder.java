package dev.sysc.os;

import dev.sysc.os.NativeSequence.Check;
import dev.sysc.os.NativeSequence.Step;
import dev.sysc.os.X86Encoder.Cond;
import dev.sysc.os.X86Encoder.Label;
import dev.sysc.os.X86Encoder.Reg;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine code of a {@link NativeSequence}: the loop's prologue and epilogue under the System V
 * x86-64 ABI, each step's call (its arguments in registers, past the sixth on the stack, results
 * carried in callee-saved registers to the steps that take them), its failure check, and the failure
 * paths out of the loop's way. The sequence says what to call; this says how a C compiler would.
 */
final class LoopEncoder {
    /** Registers that carry results from one step to a later one (callee-saved, so calls keep them). */
    static final Reg[] RESULT_REGS = {Reg.R14, Reg.R15, Reg.RBP};

    static final Reg[] CALL_ARGS = {Reg.RDI, Reg.RSI, Reg.RDX, Reg.RCX, Reg.R8, Reg.R9};
    static final Reg[] SYSCALL_ARGS = {Reg.RDI, Reg.RSI, Reg.RDX, Reg.R10, Reg.R8, Reg.R9};

    private LoopEncoder() {}

    /** The code of {@code long loop(long n, long *state, long clearErrno)} running {@code steps}. */
    static byte[] encode(List<Step> steps) {
        X86Encoder a = new X86Encoder();
        long errnoLocation = NativeEntryPoints.errnoLocation();
        // Prologue: keep the callee-saved registers the loop uses; six pushes plus 8 bytes leave the
        // stack 16-byte aligned at every call, as the ABI requires.
        Reg[] saved = {Reg.RBX, Reg.RBP, Reg.R12, Reg.R13, Reg.R14, Reg.R15};
        for (Reg r : saved) {
            a.push(r);
        }
        a.subImm(Reg.RSP, 8);
        a.mov(Reg.R12, Reg.RDI); // n
        a.mov(Reg.R13, Reg.RSI); // state
        a.zero(Reg.RBX); // i
        Label start = a.label();
        Label top = a.label();
        Label done = a.label();
        Label exit = a.label();
        a.test(Reg.RDX);
        a.jcc(Cond.E, start);
        a.movImm(Reg.R11, errnoLocation);
        a.call(Reg.R11);
        a.storeImm32(Reg.RAX, 0, 0);
        a.place(start);
        a.test(Reg.R12);
        a.jcc(Cond.E, done);
        a.align(16);
        a.place(top);
        List<Label> failures = new ArrayList<>();
        for (int index = 0; index < steps.size(); index++) {
            Label failed = a.label();
            failures.add(failed);
            emit(a, steps.get(index), failed);
            if (index < RESULT_REGS.length && isPassedOn(steps, index)) {
                a.mov(RESULT_REGS[index], Reg.RAX);
            }
        }
        a.inc(Reg.RBX);
        a.cmp(Reg.RBX, Reg.R12);
        a.jcc(Cond.L, top);
        a.place(done);
        a.mov(Reg.RAX, Reg.RBX);
        a.place(exit);
        a.addImm(Reg.RSP, 8);
        for (int i = saved.length - 1; i >= 0; i--) {
            a.pop(saved[i]);
        }
        a.ret();
        // The failure paths, out of the loop's way: save the result, the step and errno, return i.
        for (int s = 0; s < steps.size(); s++) {
            a.place(failures.get(s));
            a.store(Reg.R13, 0, Reg.RAX);
            a.storeImm(Reg.R13, 16, s);
            Check c = steps.get(s).check();
            if (c == Check.INT || c == Check.LONG || c == Check.EXACT) {
                a.movImm(Reg.R11, errnoLocation);
                a.call(Reg.R11);
                a.loadSigned32(Reg.RAX, Reg.RAX, 0);
                a.store(Reg.R13, 8, Reg.RAX);
            } else {
                a.storeImm(Reg.R13, 8, 0);
            }
            a.mov(Reg.RAX, Reg.RBX);
            a.jmp(exit);
        }
        return a.bytes();
    }

    private static boolean isPassedOn(List<Step> steps, int index) {
        for (Step s : steps) {
            for (int from : s.fromStep()) {
                if (from == index) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void emit(X86Encoder a, Step step, Label failed) {
        if (step.fragment() != null) {
            step.fragment().emit(a, failed);
            return;
        }
        long[] imm = step.immediates();
        int[] from = step.fromStep();
        if (step.inlineSyscall()) {
            for (int i = 0; i < imm.length; i++) {
                load(a, SYSCALL_ARGS[i], imm[i], from[i]);
            }
            a.movImm(Reg.RAX, step.target());
            a.syscall();
        } else {
            // Arguments past the sixth go on the stack, last first, keeping the stack 16-byte aligned.
            int onStack = Math.max(0, imm.length - CALL_ARGS.length);
            int pad = onStack % 2 == 1 ? 8 : 0;
            if (pad > 0) {
                a.subImm(Reg.RSP, pad);
            }
            for (int i = imm.length - 1; i >= CALL_ARGS.length; i--) {
                load(a, Reg.R11, imm[i], from[i]);
                a.push(Reg.R11);
            }
            for (int i = 0; i < Math.min(imm.length, CALL_ARGS.length); i++) {
                load(a, CALL_ARGS[i], imm[i], from[i]);
            }
            if (step.variadic()) {
                a.zero(Reg.RAX); // al: vector registers used by a variadic call, none
            }
            a.movImm(Reg.R11, step.target());
            a.call(Reg.R11);
            if (onStack + pad / 8 > 0) {
                a.addImm(Reg.RSP, 8 * onStack + pad);
            }
        }
        switch (step.check()) {
            case INT:
            case NEGATED_INT:
                a.test32(Reg.RAX);
                a.jcc(Cond.S, failed);
                break;
            case LONG:
            case NEGATED_LONG:
                a.test(Reg.RAX);
                a.jcc(Cond.S, failed);
                break;
            case EXACT:
                a.cmpImm(Reg.RAX, (int) step.expected());
                a.jcc(Cond.NE, failed);
                break;
            case RAW:
                a.cmpImm(Reg.RAX, -4095);
                a.jcc(Cond.AE, failed);
                break;
            case ERROR_NUMBER:
                a.test32(Reg.RAX);
                a.jcc(Cond.NE, failed);
                break;
            default:
                break;
        }
    }

    private static void load(X86Encoder a, Reg target, long immediate, int fromStep) {
        if (fromStep == NativeSequence.LOADED) {
            a.movImm(target, immediate);
            a.load(target, target, 0);
        } else if (fromStep >= 0) {
            a.mov(target, RESULT_REGS[fromStep]);
        } else {
            a.movImm(target, immediate);
        }
    }
}
