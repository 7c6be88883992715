package dev.sysc.os;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Binds jnr-ffi interfaces and reads errno.
 *
 * <p>Binding is what a short run pays for: the first interface bound costs about 0.1 s (jffi's
 * native stub is loaded then), each further one about 10 ms; {@link Bindings} binds on first use.
 */
final class Native {
    static {
        // jnr-ffi's x86-64 assembler stubs pass a wrong sixth argument (mmap's offset arrives as
        // garbage and the kernel answers EINVAL); its generic JNI path costs under 1 ns more a call.
        if (System.getProperty("jnr.ffi.x86asm.enabled") == null) {
            System.setProperty("jnr.ffi.x86asm.enabled", "false");
        }
    }

    private Native() {}

    /** jnr's runtime, reached only through this class so that the settings above come first. */
    static Runtime runtime() {
        return Runtime.getSystemRuntime();
    }

    /** Binds {@code iface} to the C library. */
    static <T> T libc(Class<T> iface) {
        try {
            return LibraryLoader.create(iface).failImmediately().load("c");
        } catch (LinkageError e) {
            throw new NativeCallException("binding " + iface.getSimpleName() + " to libc (" + e.getMessage() + ")", 0);
        }
    }

    /**
     * Binds {@code iface} to the vDSO the kernel maps into every process.
     *
     * <p>glibc lists the vDSO among its loaded objects as {@code linux-vdso.so.1}, so dlopen finds it
     * by that name without a file on disk; each method {@code m} is bound to the symbol {@code __vdso_m}.
     */
    static <T> T vdso(Class<T> iface) {
        try {
            return LibraryLoader.create(iface)
                    .failImmediately()
                    .mapper((name, context) -> "__vdso_" + name)
                    .load("linux-vdso.so.1");
        } catch (LinkageError e) {
            // An old kernel's vDSO may lack a symbol (clock_getres came in 5.3), or vdso=0 removes it.
            throw new NativeCallException("binding the vDSO (" + e.getMessage() + ")", 0);
        }
    }

    /** The errno the last native call on this thread left behind. */
    static int lastErrno() {
        return LastError.getLastError(runtime());
    }

    /** Sets this thread's errno, so a call that leaves it alone can be told from one that set it. */
    static void setErrno(int value) {
        LastError.setLastError(runtime(), value);
    }
}
