package dev.sysc.os;

import static org.assertj.core.api.Assertions.assertThat;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Type;
import dev.sysc.os.X86Encoder.Cond;
import dev.sysc.os.X86Encoder.Label;
import dev.sysc.os.X86Encoder.Reg;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each instruction form, encoded into a small function, executed natively, its result checked. Over
 * 350 lines because X86Encoder's table of forms is: one test per form, in the encoder's order.
 */
class X86EncoderTest {
    private static final CallContext THREE_LONGS = CallContext.getCallContext(
            Type.SINT64, new Type[] {Type.SINT64, Type.SINT64, Type.SINT64}, CallingConvention.DEFAULT, false);

    /** Runs {@code body} as {@code long f(long rdi, long rsi, long rdx)}, which ends with ret. */
    static long run(Consumer<X86Encoder> body, long rdi, long rsi, long rdx) {
        X86Encoder a = new X86Encoder();
        body.accept(a);
        a.ret();
        byte[] code = a.bytes();
        long address = ExecutablePages.SYSTEM.load(code);
        try {
            return Invoker.getInstance().invokeN3(THREE_LONGS, address, rdi, rsi, rdx);
        } finally {
            ExecutablePages.SYSTEM.release(address, code.length);
        }
    }

    static long run(Consumer<X86Encoder> body) {
        return run(body, 0, 0, 0);
    }

    @Test
    void movesImmediatesOfEverySize() {
        assertThat(run(a -> a.movImm(Reg.RAX, 42))).isEqualTo(42);
        assertThat(run(a -> a.movImm(Reg.RAX, 0xFFFF_FFFFL))).isEqualTo(0xFFFF_FFFFL);
        assertThat(run(a -> a.movImm(Reg.RAX, -100))).isEqualTo(-100);
        assertThat(run(a -> a.movImm(Reg.RAX, 0x1234_5678_9ABC_DEF0L))).isEqualTo(0x1234_5678_9ABC_DEF0L);
        // An extended register through mov r64, r64 back into rax.
        assertThat(run(a -> {
                    a.movImm(Reg.R11, 0x7_0000_0001L);
                    a.mov(Reg.RAX, Reg.R11);
                }))
                .isEqualTo(0x7_0000_0001L);
    }

    @Test
    void movesBetweenEveryRegisterAndRax() {
        for (Reg r : Reg.values()) {
            if (r == Reg.RSP || r == Reg.RAX) { // the stack pointer; rax is where the answer goes
                continue;
            }
            long v = 1000 + r.ordinal();
            assertThat(run(a -> {
                        a.push(r);
                        a.movImm(r, v);
                        a.mov(Reg.RAX, r);
                        a.pop(r);
                    }))
                    .as(r.name())
                    .isEqualTo(v);
        }
    }

    @Test
    void arithmeticAndShifts() {
        assertThat(run(
                        a -> {
                            a.mov(Reg.RAX, Reg.RDI);
                            a.add(Reg.RAX, Reg.RSI);
                        },
                        40,
                        2,
                        0))
                .isEqualTo(42);
        assertThat(run(
                        a -> {
                            a.mov(Reg.RAX, Reg.RDI);
                            a.addImm(Reg.RAX, 5);
                        },
                        37,
                        0,
                        0))
                .isEqualTo(42);
        assertThat(run(
                        a -> {
                            a.mov(Reg.RAX, Reg.RDI);
                            a.subImm(Reg.RAX, 8);
                        },
                        50,
                        0,
                        0))
                .isEqualTo(42);
        assertThat(run(
                        a -> {
                            a.mov(Reg.RAX, Reg.RDI);
                            a.sub(Reg.RAX, Reg.RSI);
                        },
                        50,
                        8,
                        0))
                .isEqualTo(42);
        assertThat(run(
                        a -> {
                            a.mov(Reg.R10, Reg.RDI);
                            a.sub(Reg.R10, Reg.RSI);
                            a.mov(Reg.RAX, Reg.R10);
                        },
                        5,
                        7,
                        0))
                .isEqualTo(-2);
        // movsxd keeps the low half's sign and drops whatever the upper half held.
        assertThat(run(a -> a.movsxd(Reg.RAX, Reg.RDI), 0x1234_5678_FFFF_FFFEL, 0, 0))
                .isEqualTo(-2);
        assertThat(run(
                        a -> {
                            a.movsxd(Reg.R11, Reg.RDI);
                            a.mov(Reg.RAX, Reg.R11);
                        },
                        0x7FFF_0000_0000_002AL,
                        0,
                        0))
                .isEqualTo(42);
        assertThat(run(
                        a -> {
                            a.mov(Reg.RAX, Reg.RDI);
                            a.andImm(Reg.RAX, 0xFF);
                        },
                        0x12A,
                        0,
                        0))
                .isEqualTo(0x2A);
        assertThat(run(
                        a -> {
                            a.mov(Reg.RAX, Reg.RDI);
                            a.shlImm(Reg.RAX, 6);
                        },
                        3,
                        0,
                        0))
                .isEqualTo(192);
        assertThat(run(
                        a -> {
                            a.mov(Reg.RAX, Reg.RDI);
                            a.inc(Reg.RAX);
                        },
                        41,
                        0,
                        0))
                .isEqualTo(42);
        assertThat(run(
                        a -> {
                            a.mov(Reg.RAX, Reg.RDI);
                            a.dec(Reg.RAX);
                        },
                        43,
                        0,
                        0))
                .isEqualTo(42);
        assertThat(run(a -> {
                    a.movImm(Reg.RAX, -1);
                    a.zero(Reg.RAX);
                }))
                .isZero();
        assertThat(run(a -> {
                    a.movImm(Reg.R9, -1);
                    a.zero(Reg.R9);
                    a.mov(Reg.RAX, Reg.R9);
                }))
                .isZero();
    }

    @Test
    void loadsAndStoresThroughMemory() {
        NativeMemory m = NativeMemory.allocate(64);
        m.putLong(8, 0x1111_2222_3333_4444L);
        m.putInt(16, -7);
        assertThat(run(a -> a.load(Reg.RAX, Reg.RDI, 8), m.address(), 0, 0)).isEqualTo(0x1111_2222_3333_4444L);
        assertThat(run(a -> a.load32(Reg.RAX, Reg.RDI, 16), m.address(), 0, 0)).isEqualTo(0xFFFF_FFF9L);
        assertThat(run(a -> a.loadSigned32(Reg.RAX, Reg.RDI, 16), m.address(), 0, 0))
                .isEqualTo(-7);
        run(a -> a.store(Reg.RDI, 24, Reg.RSI), m.address(), 99, 0);
        assertThat(m.getLong(24)).isEqualTo(99);
        run(a -> a.store32(Reg.RDI, 32, Reg.RSI), m.address(), 0x1_0000_0005L, 0);
        assertThat(m.getLong(32)).isEqualTo(5);
        run(a -> a.storeImm(Reg.RDI, 40, -2), m.address(), 0, 0);
        assertThat(m.getLong(40)).isEqualTo(-2);
        run(a -> a.storeImm32(Reg.RDI, 48, 77), m.address(), 0, 0);
        assertThat(m.getInt(48)).isEqualTo(77);
        // R12 and RSP as a base need a SIB byte, R13 and RBP a displacement: all four round-trip.
        for (Reg base : new Reg[] {Reg.R12, Reg.R13, Reg.RBP, Reg.R8}) {
            assertThat(run(
                            a -> {
                                a.push(base);
                                a.mov(base, Reg.RDI);
                                a.storeImm(base, 56, base.ordinal());
                                a.load(Reg.RAX, base, 56);
                                a.pop(base);
                            },
                            m.address(),
                            0,
                            0))
                    .as(base.name())
                    .isEqualTo(base.ordinal());
        }
        assertThat(run(
                        a -> {
                            a.push(Reg.RDI);
                            a.load(Reg.RAX, Reg.RSP, 0);
                            a.pop(Reg.RDI);
                        },
                        1234,
                        0,
                        0))
                .isEqualTo(1234);
    }

    @Test
    void conditionalJumpsTakeTheRightBranch() {
        assertThat(branch(
                        a -> {
                            a.test(Reg.RDI);
                            return Cond.S;
                        },
                        -5))
                .isTrue();
        assertThat(branch(
                        a -> {
                            a.test(Reg.RDI);
                            return Cond.S;
                        },
                        5))
                .isFalse();
        // test32 looks at the low half only: 0x1_0000_0000 - 1 = 0xFFFF_FFFF is a negative C int.
        assertThat(branch(
                        a -> {
                            a.test32(Reg.RDI);
                            return Cond.S;
                        },
                        0xFFFF_FFFFL))
                .isTrue();
        assertThat(branch(
                        a -> {
                            a.test32(Reg.RDI);
                            return Cond.S;
                        },
                        0x8_0000_0001L))
                .isFalse();
        assertThat(branch(
                        a -> {
                            a.test(Reg.RDI);
                            return Cond.E;
                        },
                        0))
                .isTrue();
        assertThat(branch(
                        a -> {
                            a.test(Reg.RDI);
                            return Cond.NE;
                        },
                        0))
                .isFalse();
        assertThat(branch(
                        a -> {
                            a.cmpImm(Reg.RDI, -4095);
                            return Cond.AE;
                        },
                        -1))
                .isTrue();
        assertThat(branch(
                        a -> {
                            a.cmpImm(Reg.RDI, -4095);
                            return Cond.AE;
                        },
                        -4096))
                .isFalse();
        assertThat(branch(
                        a -> {
                            a.cmpImm(Reg.RDI, -4095);
                            return Cond.AE;
                        },
                        3))
                .isFalse();
        assertThat(branch(
                        a -> {
                            a.cmp(Reg.RDI, Reg.RSI);
                            return Cond.L;
                        },
                        3,
                        4))
                .isTrue();
        assertThat(branch(
                        a -> {
                            a.cmp(Reg.RDI, Reg.RSI);
                            return Cond.GE;
                        },
                        4,
                        4))
                .isTrue();
        assertThat(branch(
                        a -> {
                            a.test(Reg.RDI);
                            return Cond.LE;
                        },
                        0))
                .isTrue();
        assertThat(branch(
                        a -> {
                            a.test(Reg.RDI);
                            return Cond.LE;
                        },
                        -3))
                .isTrue();
        assertThat(branch(
                        a -> {
                            a.test(Reg.RDI);
                            return Cond.LE;
                        },
                        1))
                .isFalse();
    }

    @Test
    void callsALabelAndReturnsThroughNestedFrames() {
        // f() { return g() + 1; } g() { return h() + 10; } h() { return 31; }, called directly by label,
        // the forms the return-stack experiment nests; also a forward and a backward call target.
        assertThat(run(a -> {
                    Label f = a.label();
                    Label g = a.label();
                    Label h = a.label();
                    Label end = a.label();
                    Label back = a.label();
                    a.jmp(f);
                    a.place(h);
                    a.movImm(Reg.RAX, 31);
                    a.ret();
                    a.place(f);
                    a.call(g);
                    a.addImm(Reg.RAX, 1);
                    a.jmp(end);
                    a.place(g);
                    a.call(h);
                    a.addImm(Reg.RAX, 10);
                    a.ret();
                    a.place(back);
                    a.ret();
                    a.place(end);
                    a.call(back);
                }))
                .isEqualTo(42);
    }

    @Test
    void countsDownALoopAndJumpsForward() {
        // rax = 0; do { rax += 3; } while (--rdi != 0)
        assertThat(run(
                        a -> {
                            Label top = a.label();
                            a.zero(Reg.RAX);
                            a.align(16);
                            a.place(top);
                            a.addImm(Reg.RAX, 3);
                            a.dec(Reg.RDI);
                            a.jcc(Cond.NE, top);
                        },
                        14,
                        0,
                        0))
                .isEqualTo(42);
        assertThat(run(a -> {
                    Label skip = a.label();
                    a.movImm(Reg.RAX, 1);
                    a.jmp(skip);
                    a.movImm(Reg.RAX, 2);
                    a.place(skip);
                }))
                .isEqualTo(1);
    }

    @Test
    void callsAFunctionThroughARegister() {
        long getpid = NativeEntryPoints.libc("getpid");
        long pid = ProcessHandle.current().pid();
        assertThat(run(a -> {
                    a.subImm(Reg.RSP, 8); // realign to 16 for the call
                    a.movImm(Reg.R11, getpid);
                    a.call(Reg.R11);
                    a.addImm(Reg.RSP, 8);
                }))
                .isEqualTo(pid);
    }

    @Test
    void makesASystemCallInline() {
        long pid = ProcessHandle.current().pid();
        assertThat(run(a -> {
                    a.movImm(Reg.RAX, SyscallNumbers.of("getpid"));
                    a.syscall();
                }))
                .isEqualTo(pid);
    }

    private interface Compare {
        Cond emit(X86Encoder a);
    }

    private static boolean branch(Compare compare, long rdi) {
        return branch(compare, rdi, 0);
    }

    private static boolean branch(Compare compare, long rdi, long rsi) {
        return run(
                        a -> {
                            Label taken = a.label();
                            Label end = a.label();
                            Cond c = compare.emit(a);
                            a.jcc(c, taken);
                            a.movImm(Reg.RAX, 0);
                            a.jmp(end);
                            a.place(taken);
                            a.movImm(Reg.RAX, 1);
                            a.place(end);
                        },
                        rdi,
                        rsi,
                        0)
                == 1;
    }
}
