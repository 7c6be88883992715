package dev.sysc.os;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The few x86-64 instruction forms the native loops are made of, encoded into bytes.
 *
 * <p>Why not jnr-x86asm, which jnr-ffi already brings: it has no {@code syscall} instruction and no
 * way to put raw bytes between the ones it encodes, and the raw path needs {@code syscall} inline.
 * The forms here are few on purpose; each one is executed natively by {@code X86EncoderTest}.
 * Every memory operand is {@code [base + disp32]}; every jump is rel32, so no jump ever needs resizing.
 *
 * <p>Longer than 350 lines on purpose: it is a table of about forty instruction forms, a few lines
 * each, over one set of REX/ModRM helpers; split, each half would need those helpers and a reader
 * would look in two places for one instruction.
 */
final class X86Encoder {
    /** The sixteen general-purpose registers, numbered as the encoding numbers them. */
    enum Reg {
        RAX,
        RCX,
        RDX,
        RBX,
        RSP,
        RBP,
        RSI,
        RDI,
        R8,
        R9,
        R10,
        R11,
        R12,
        R13,
        R14,
        R15;

        int low() {
            return ordinal() & 7;
        }

        boolean extended() {
            return ordinal() >= 8;
        }
    }

    /** Condition codes of {@code jcc}, by their encoding. */
    enum Cond {
        /** Unsigned above or equal (no carry). */
        AE(0x3),
        /** Equal / zero. */
        E(0x4),
        /** Not equal / not zero. */
        NE(0x5),
        /** Sign set: negative. */
        S(0x8),
        /** Signed less. */
        L(0xC),
        /** Signed greater or equal. */
        GE(0xD),
        /** Signed less or equal. */
        LE(0xE);

        final int code;

        Cond(int code) {
            this.code = code;
        }
    }

    /** A position in the code that jumps can name before it is placed. */
    static final class Label {
        private int position = -1;
        private final List<Integer> uses = new ArrayList<>();
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Label> labels = new ArrayList<>();

    int size() {
        return out.size();
    }

    /** The encoded code; every label used must have been placed. */
    byte[] bytes() {
        byte[] code = out.toByteArray();
        for (Label l : labels) {
            if (l.position < 0) {
                throw new IllegalStateException("a jump names a label that was never placed");
            }
            for (int at : l.uses) {
                int rel = l.position - (at + 4);
                code[at] = (byte) rel;
                code[at + 1] = (byte) (rel >> 8);
                code[at + 2] = (byte) (rel >> 16);
                code[at + 3] = (byte) (rel >> 24);
            }
        }
        return code;
    }

    Label label() {
        Label l = new Label();
        labels.add(l);
        return l;
    }

    void place(Label l) {
        if (l.position >= 0) {
            throw new IllegalStateException("label placed twice");
        }
        l.position = size();
    }

    /** Pads with one-byte NOPs up to a multiple of {@code alignment}, as compilers align loop heads. */
    void align(int alignment) {
        while (size() % alignment != 0) {
            out.write(0x90);
        }
    }

    void push(Reg r) {
        rexIf(false, false, r.extended());
        out.write(0x50 + r.low());
    }

    void pop(Reg r) {
        rexIf(false, false, r.extended());
        out.write(0x58 + r.low());
    }

    /** {@code mov r, imm}: the shortest of mov r32 (zero-extends), mov r64 sign-extended imm32, movabs. */
    void movImm(Reg r, long value) {
        if (value >= 0 && value <= 0xFFFF_FFFFL) {
            rexIf(false, false, r.extended());
            out.write(0xB8 + r.low());
            int32((int) value);
        } else if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            rex(true, false, r.extended());
            out.write(0xC7);
            modRm(3, 0, r.low());
            int32((int) value);
        } else {
            rex(true, false, r.extended());
            out.write(0xB8 + r.low());
            int64(value);
        }
    }

    /** {@code mov dst, src}, 64-bit. */
    void mov(Reg dst, Reg src) {
        rex(true, src.extended(), dst.extended());
        out.write(0x89);
        modRm(3, src.low(), dst.low());
    }

    /** {@code mov dst, [base + disp]}, 64-bit. */
    void load(Reg dst, Reg base, int disp) {
        rex(true, dst.extended(), base.extended());
        out.write(0x8B);
        memory(dst.low(), base, disp);
    }

    /** {@code mov dst32, [base + disp]}: a 32-bit load, zero-extended. */
    void load32(Reg dst, Reg base, int disp) {
        rexIf(false, dst.extended(), base.extended());
        out.write(0x8B);
        memory(dst.low(), base, disp);
    }

    /** {@code movsxd dst, dword [base + disp]}: a 32-bit load, sign-extended. */
    void loadSigned32(Reg dst, Reg base, int disp) {
        rex(true, dst.extended(), base.extended());
        out.write(0x63);
        memory(dst.low(), base, disp);
    }

    /** {@code mov [base + disp], src}, 64-bit. */
    void store(Reg base, int disp, Reg src) {
        rex(true, src.extended(), base.extended());
        out.write(0x89);
        memory(src.low(), base, disp);
    }

    /** {@code mov dword [base + disp], src32}. */
    void store32(Reg base, int disp, Reg src) {
        rexIf(false, src.extended(), base.extended());
        out.write(0x89);
        memory(src.low(), base, disp);
    }

    /** {@code mov qword [base + disp], imm32} (sign-extended). */
    void storeImm(Reg base, int disp, int value) {
        rex(true, false, base.extended());
        out.write(0xC7);
        memory(0, base, disp);
        int32(value);
    }

    /** {@code mov dword [base + disp], imm32}. */
    void storeImm32(Reg base, int disp, int value) {
        rexIf(false, false, base.extended());
        out.write(0xC7);
        memory(0, base, disp);
        int32(value);
    }

    /** {@code add dst, src}, 64-bit. */
    void add(Reg dst, Reg src) {
        rex(true, src.extended(), dst.extended());
        out.write(0x01);
        modRm(3, src.low(), dst.low());
    }

    /** {@code sub dst, src}, 64-bit. */
    void sub(Reg dst, Reg src) {
        rex(true, src.extended(), dst.extended());
        out.write(0x29);
        modRm(3, src.low(), dst.low());
    }

    /**
     * {@code movsxd dst, src32}: the low 32 bits of {@code src} sign-extended into {@code dst}, for a
     * C int result, whose upper half of rax the ABI leaves undefined.
     */
    void movsxd(Reg dst, Reg src) {
        rex(true, dst.extended(), src.extended());
        out.write(0x63);
        modRm(3, dst.low(), src.low());
    }

    /** {@code add r, imm32}, 64-bit. */
    void addImm(Reg r, int value) {
        group1(0, r, value);
    }

    /** {@code sub r, imm32}, 64-bit. */
    void subImm(Reg r, int value) {
        group1(5, r, value);
    }

    /** {@code and r, imm32}, 64-bit. */
    void andImm(Reg r, int value) {
        group1(4, r, value);
    }

    /** {@code cmp r, imm32}, 64-bit (the immediate is sign-extended). */
    void cmpImm(Reg r, int value) {
        group1(7, r, value);
    }

    /** {@code cmp a, b}, 64-bit: flags of a − b. */
    void cmp(Reg a, Reg b) {
        rex(true, b.extended(), a.extended());
        out.write(0x39);
        modRm(3, b.low(), a.low());
    }

    /** {@code shl r, count}, 64-bit. */
    void shlImm(Reg r, int count) {
        rex(true, false, r.extended());
        out.write(0xC1);
        modRm(3, 4, r.low());
        out.write(count);
    }

    /** {@code inc r}, 64-bit. */
    void inc(Reg r) {
        rex(true, false, r.extended());
        out.write(0xFF);
        modRm(3, 0, r.low());
    }

    /** {@code dec r}, 64-bit. */
    void dec(Reg r) {
        rex(true, false, r.extended());
        out.write(0xFF);
        modRm(3, 1, r.low());
    }

    /** {@code test r, r}, 64-bit. */
    void test(Reg r) {
        rex(true, r.extended(), r.extended());
        out.write(0x85);
        modRm(3, r.low(), r.low());
    }

    /** {@code test r32, r32}: a C {@code int} result lives in the low half; the high half is not defined. */
    void test32(Reg r) {
        rexIf(false, r.extended(), r.extended());
        out.write(0x85);
        modRm(3, r.low(), r.low());
    }

    /** {@code xor r32, r32}: zeroes the whole register. */
    void zero(Reg r) {
        rexIf(false, r.extended(), r.extended());
        out.write(0x31);
        modRm(3, r.low(), r.low());
    }

    /** {@code call r}: an indirect call through a register. */
    void call(Reg r) {
        rexIf(false, false, r.extended());
        out.write(0xFF);
        modRm(3, 2, r.low());
    }

    /**
     * {@code call rel32}: a direct call to a label, as a compiler calls a function it knows; the
     * return-stack experiment nests these, and unlike {@link #call(Reg)} it needs no register.
     */
    void call(Label target) {
        out.write(0xE8);
        use(target);
    }

    void jcc(Cond c, Label target) {
        out.write(0x0F);
        out.write(0x80 + c.code);
        use(target);
    }

    void jmp(Label target) {
        out.write(0xE9);
        use(target);
    }

    void syscall() {
        out.write(0x0F);
        out.write(0x05);
    }

    void ret() {
        out.write(0xC3);
    }

    private void group1(int op, Reg r, int value) {
        rex(true, false, r.extended());
        out.write(0x81);
        modRm(3, op, r.low());
        int32(value);
    }

    private void use(Label target) {
        target.uses.add(size());
        int32(0);
    }

    /** ModRM (mod 10: disp32) for {@code [base + disp]}; RSP and R12 as a base need a SIB byte. */
    private void memory(int reg, Reg base, int disp) {
        modRm(2, reg, base.low());
        if (base.low() == 4) {
            out.write(0x24);
        }
        int32(disp);
    }

    private void modRm(int mod, int reg, int rm) {
        out.write(mod << 6 | reg << 3 | rm);
    }

    private void rex(boolean w, boolean r, boolean b) {
        out.write(0x40 | (w ? 8 : 0) | (r ? 4 : 0) | (b ? 1 : 0));
    }

    /** A REX prefix only when an extended register needs one (32-bit and default-size forms). */
    private void rexIf(boolean w, boolean r, boolean b) {
        if (w || r || b) {
            rex(w, r, b);
        }
    }

    private void int32(int v) {
        out.write(v);
        out.write(v >> 8);
        out.write(v >> 16);
        out.write(v >> 24);
    }

    private void int64(long v) {
        int32((int) v);
        int32((int) (v >>> 32));
    }
}
