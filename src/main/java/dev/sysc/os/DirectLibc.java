package dev.sysc.os;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.LastError;
import com.kenai.jffi.Type;

/**
 * The few libc functions the default path needs (isatty, ioctl for the terminal's width, mmap,
 * mprotect, madvise, munmap), called straight through jffi. jnr-ffi's first binding starts its runtime and generates a class with ASM (about 60 ms
 * here, a tenth of a default {@code sysc measure getpid}); with these, a run on the native loop never
 * starts jnr-ffi before it measures the Java bridge, which needs it anyway.
 *
 * <p>Every argument is passed as a 64-bit integer: under the x86-64 System V ABI an int argument is
 * the low half of its register, so the callee reads the same value.
 */
final class DirectLibc {
    private static final Invoker INVOKER = Invoker.getInstance();
    private static final CallContext INT_1 = signature(Type.SINT32, 1);
    private static final CallContext INT_2 = signature(Type.SINT32, 2);
    private static final CallContext INT_3 = signature(Type.SINT32, 3);
    private static final CallContext LONG_6 = signature(Type.SINT64, 6);

    private DirectLibc() {}

    static int isatty(int fd) {
        return (int) INVOKER.invokeN1(INT_1, NativeEntryPoints.libc("isatty"), fd);
    }

    /** ioctl(fd, request, address): {@code address} is native memory the request reads or fills. */
    static int ioctl(int fd, long request, long address) {
        return (int) INVOKER.invokeN3(INT_3, NativeEntryPoints.libc("ioctl"), fd, request, address);
    }

    /** @return the address, or -1 (MAP_FAILED) with errno in {@link #errno()} */
    static long mmap(long address, long length, int prot, int flags, int fd, long offset) {
        return INVOKER.invokeN6(LONG_6, NativeEntryPoints.libc("mmap"), address, length, prot, flags, fd, offset);
    }

    static int mprotect(long address, long length, int prot) {
        return (int) INVOKER.invokeN3(INT_3, NativeEntryPoints.libc("mprotect"), address, length, prot);
    }

    static int madvise(long address, long length, int advice) {
        return (int) INVOKER.invokeN3(INT_3, NativeEntryPoints.libc("madvise"), address, length, advice);
    }

    static int munmap(long address, long length) {
        return (int) INVOKER.invokeN2(INT_2, NativeEntryPoints.libc("munmap"), address, length);
    }

    /** The errno the last of these calls left on this thread (jffi saves it right after the call). */
    static int errno() {
        return LastError.getInstance().get();
    }

    private static CallContext signature(Type returns, int arguments) {
        Type[] parameters = new Type[arguments];
        java.util.Arrays.fill(parameters, Type.SINT64);
        return CallContext.getCallContext(returns, parameters, CallingConvention.DEFAULT, true);
    }
}
