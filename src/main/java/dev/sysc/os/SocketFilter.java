package dev.sysc.os;

import java.util.List;

/**
 * A classic BPF program attached to a socket with SO_ATTACH_FILTER: the kernel runs it on every packet
 * that reaches the socket, before it is queued, and drops those for which it returns 0. Any process may
 * attach one to its own socket; the filter has no descriptor of its own and is freed with the socket.
 * See Documentation/networking/filter.rst.
 */
public final class SocketFilter {
    private static final int SOL_SOCKET = 1;
    /** SO_ATTACH_FILTER; getsockopt reads the program back under the same number (SO_GET_FILTER). */
    private static final int SO_ATTACH_FILTER = 26;

    private static final int SO_MEMINFO = 55;
    /** Index of SK_MEMINFO_DROPS in the u32 array SO_MEMINFO returns (include/uapi/linux/sock_diag.h). */
    private static final int SK_MEMINFO_DROPS = 8;

    private static final int SK_MEMINFO_VARS = 9;
    private static final int SOCK_FILTER_BYTES = 8;

    /** One instruction as the kernel's struct sock_filter holds it: {u16 code; u8 jt; u8 jf; u32 k}. */
    public record Instruction(int code, int jt, int jf, long k) {}

    private SocketFilter() {}

    /**
     * Attaches {@code program} to socket {@code fd}.
     *
     * @throws NativeCallException when the kernel refuses it (EINVAL for a program its checker rejects)
     */
    public static void attach(int fd, List<Instruction> program) {
        NativeMemory code = NativeMemory.allocate(SOCK_FILTER_BYTES * program.size());
        for (int i = 0; i < program.size(); i++) {
            Instruction in = program.get(i);
            long at = (long) i * SOCK_FILTER_BYTES;
            code.putShort(at, (short) in.code());
            code.putByte(at + 2, (byte) in.jt());
            code.putByte(at + 3, (byte) in.jf());
            code.putInt(at + 4, (int) in.k());
        }
        NativeMemory fprog = NativeMemory.allocate(16); // struct sock_fprog {u16 len; (pad); sock_filter *filter}
        fprog.putShort(0, (short) program.size());
        fprog.putLong(8, code.address());
        int r = Bindings.ipc(CallPath.LIBC).setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, fprog.address(), 16);
        int errno = r < 0 ? Errnos.last() : 0;
        // The kernel copies the program during the call: the buffers only have to live until it returns.
        java.lang.ref.Reference.reachabilityFence(code);
        java.lang.ref.Reference.reachabilityFence(fprog);
        if (r < 0) {
            throw new NativeCallException("setsockopt(SO_ATTACH_FILTER)", errno);
        }
    }

    /** How many instructions the filter on {@code fd} has, as the kernel reports it (0 without one). */
    public static int attachedLength(int fd) {
        NativeMemory len = NativeMemory.allocate(4);
        len.putInt(0, 0); // a zero-length buffer asks for the length only
        int r = Bindings.ipc(CallPath.LIBC).getsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, 0, len.address());
        if (r < 0) {
            throw new NativeCallException("getsockopt(SO_GET_FILTER)", Errnos.last());
        }
        return len.getInt(0);
    }

    /**
     * The packets the kernel has dropped on the way into socket {@code fd} since it was opened (its
     * sk_drops counter, read with SO_MEMINFO): those a filter refused, and those that found the queue full.
     */
    public static long drops(int fd) {
        NativeMemory info = NativeMemory.allocate(4 * SK_MEMINFO_VARS);
        NativeMemory len = NativeMemory.allocate(4);
        len.putInt(0, 4 * SK_MEMINFO_VARS);
        int r = Bindings.ipc(CallPath.LIBC).getsockopt(fd, SOL_SOCKET, SO_MEMINFO, info.address(), len.address());
        if (r < 0) {
            throw new NativeCallException("getsockopt(SO_MEMINFO)", Errnos.last());
        }
        return Integer.toUnsignedLong(info.getInt(4L * SK_MEMINFO_DROPS));
    }
}
