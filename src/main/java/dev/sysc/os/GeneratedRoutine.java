package dev.sysc.os;

import dev.sysc.os.X86Encoder.Cond;
import dev.sysc.os.X86Encoder.Label;
import dev.sysc.os.X86Encoder.Reg;

/**
 * A small C-callable function generated into executable pages, for the kernel or libc to call back:
 * a thread's start routine, a signal handler. Closing it unmaps the code, so it must outlive every
 * thread and handler that may still run it.
 */
public final class GeneratedRoutine implements AutoCloseable {
    private final ExecutablePages pages;
    private final long address;
    private final int codeBytes;
    private boolean closed;

    private GeneratedRoutine(ExecutablePages pages, byte[] code) {
        this.pages = pages;
        this.address = pages.load(code);
        this.codeBytes = code.length;
    }

    /**
     * {@code xor eax, eax; ret}: returns 0 (NULL) at once. As a thread's start routine the thread exits
     * as soon as it starts; as a signal handler it returns straight to the kernel's restorer.
     *
     * @throws ExecutablePages.ExecutableMemoryRefused when the kernel will not run generated code
     */
    public static GeneratedRoutine noop(ExecutablePages pages) {
        X86Encoder a = new X86Encoder();
        a.zero(Reg.RAX);
        a.ret();
        return new GeneratedRoutine(pages, a.bytes());
    }

    /**
     * A thread start routine that echoes a token, as lat_ctx's partner does: it pins itself to the
     * CPUs in {@code cpuMask} (a 128-byte cpu_set_t), then reads one byte from {@code readFd} into
     * {@code buffer} and writes it to {@code writeFd}, until a read or write does not move exactly
     * one byte (the other side closed its end). It returns NULL.
     */
    public static GeneratedRoutine pipeEcho(ExecutablePages pages, int readFd, int writeFd, long buffer, long cpuMask) {
        long read = NativeEntryPoints.libc("read");
        long write = NativeEntryPoints.libc("write");
        long setAffinity = NativeEntryPoints.libc("sched_setaffinity");
        X86Encoder a = new X86Encoder();
        Label top = a.label();
        Label out = a.label();
        a.push(Reg.RBX); // rsp was 8 off a 16-byte boundary at entry; one push aligns it for the calls
        a.zero(Reg.RDI);
        a.movImm(Reg.RSI, 128);
        a.movImm(Reg.RDX, cpuMask);
        a.movImm(Reg.R11, setAffinity);
        a.call(Reg.R11);
        a.place(top);
        oneByte(a, read, readFd, buffer);
        a.jcc(Cond.NE, out);
        oneByte(a, write, writeFd, buffer);
        a.jcc(Cond.E, top);
        a.place(out);
        a.pop(Reg.RBX);
        a.zero(Reg.RAX);
        a.ret();
        return new GeneratedRoutine(pages, a.bytes());
    }

    /** {@code function(fd, buffer, 1)}, then compares its result with 1 (the flags say whether one byte moved). */
    private static void oneByte(X86Encoder a, long function, int fd, long buffer) {
        a.movImm(Reg.RDI, fd);
        a.movImm(Reg.RSI, buffer);
        a.movImm(Reg.RDX, 1);
        a.movImm(Reg.R11, function);
        a.call(Reg.R11);
        a.cmpImm(Reg.RAX, 1);
    }

    /** Where the function starts: a C function pointer. */
    public long address() {
        return address;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pages.release(address, codeBytes);
        }
    }
}
