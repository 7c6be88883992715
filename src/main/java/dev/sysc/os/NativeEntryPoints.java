package dev.sysc.os;

import com.kenai.jffi.Library;

/**
 * Addresses a native loop calls: libc functions (what a C program's PLT resolves to), glibc's
 * {@code syscall()}, {@code __errno_location()}, and the vDSO's own functions.
 */
final class NativeEntryPoints {
    private static final Library LIBC = Library.getCachedInstance("libc.so.6", Library.LAZY | Library.GLOBAL);

    private NativeEntryPoints() {}

    /** The address of libc's {@code name}. @throws NativeCallException when libc has no such symbol */
    static long libc(String name) {
        long address = LIBC == null ? 0 : LIBC.getSymbolAddress(name);
        if (address == 0) {
            throw new NativeCallException("finding " + name + " in libc", 0);
        }
        return address;
    }

    /**
     * The address of the vDSO's {@code __vdso_NAME}. glibc lists the vDSO among its loaded objects as
     * {@code linux-vdso.so.1}, so dlopen finds it by that name without a file on disk.
     *
     * @throws NativeCallException when there is no vDSO (vdso=0) or it lacks the symbol (an old kernel)
     */
    static long vdso(String name) {
        Library vdso = Library.getCachedInstance("linux-vdso.so.1", Library.LAZY);
        long address = vdso == null ? 0 : vdso.getSymbolAddress("__vdso_" + name);
        if (address == 0) {
            throw new NativeCallException("finding __vdso_" + name + " in the vDSO", 0);
        }
        return address;
    }

    /** glibc's variadic {@code long syscall(long number, ...)}. */
    static long syscall() {
        return libc("syscall");
    }

    /** {@code int *__errno_location(void)}: where this thread's errno lives. */
    static long errnoLocation() {
        return libc("__errno_location");
    }
}
