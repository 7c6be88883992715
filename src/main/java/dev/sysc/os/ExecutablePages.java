package dev.sysc.os;

import com.kenai.jffi.MemoryIO;

/**
 * Where generated code is put to run: pages mapped writable, filled, then switched to read+execute
 * (never both writable and executable at once). A kernel may refuse the switch (SELinux execmem,
 * PaX MPROTECT); then nothing is run and the caller falls back to the Java loop.
 */
public interface ExecutablePages {
    /**
     * Copies {@code code} into fresh executable pages.
     *
     * @return the code's address; {@link #release} unmaps it
     * @throws ExecutableMemoryRefused when the pages cannot be made executable
     */
    long load(byte[] code);

    void release(long address, int codeBytes);

    /** The real thing: mmap and mprotect through libc (called through jffi directly, see {@link DirectLibc}). */
    ExecutablePages SYSTEM = new ExecutablePages() {
        private static final int PROT_READ = 0x1;
        private static final int PROT_WRITE = 0x2;
        private static final int PROT_EXEC = 0x4;
        private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
        private static final long PAGE = 4096;

        @Override
        public long load(byte[] code) {
            // jffi's PageManager would map the pages too, but its protectPages drops mprotect's result,
            // and a refused PROT_EXEC must be seen before the code is called, not as a crash after.
            long bytes = span(code.length);
            long address = DirectLibc.mmap(0, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0);
            if (address == -1) {
                throw new ExecutableMemoryRefused("mmap", DirectLibc.errno());
            }
            MemoryIO.getInstance().putByteArray(address, code, 0, code.length);
            if (DirectLibc.mprotect(address, bytes, PROT_READ | PROT_EXEC) != 0) {
                int errno = DirectLibc.errno();
                DirectLibc.munmap(address, bytes);
                throw new ExecutableMemoryRefused("mprotect(PROT_EXEC)", errno);
            }
            return address;
        }

        @Override
        public void release(long address, int codeBytes) {
            DirectLibc.munmap(address, span(codeBytes));
        }

        private long span(int codeBytes) {
            return (codeBytes + PAGE - 1) / PAGE * PAGE;
        }
    };

    /** The kernel would not let generated code run. */
    final class ExecutableMemoryRefused extends RuntimeException {
        private final int errno;

        public ExecutableMemoryRefused(String call, int errno) {
            super("the kernel refused executable memory (" + call + ": " + Errnos.describe(errno) + ")");
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }
}
