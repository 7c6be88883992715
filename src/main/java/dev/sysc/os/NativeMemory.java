package dev.sysc.os;

import com.kenai.jffi.MemoryIO;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;

/**
 * A block of zeroed native memory whose address is handed to system calls. The memory lives as long
 * as this object is reachable, so a probe keeps its buffers in fields.
 *
 * <p>It is jffi's memory, freed by a {@link Cleaner}, rather than jnr-ffi's: the native loop needs
 * memory before anything else, and jnr-ffi's runtime takes tens of milliseconds to start.
 */
public final class NativeMemory {
    private static final MemoryIO IO = MemoryIO.getInstance();
    private static final Cleaner FREED = Cleaner.create();

    private final long address;

    private NativeMemory(long address) {
        this.address = address;
    }

    public static NativeMemory allocate(int bytes) {
        long address = IO.allocateMemory(Math.max(1, bytes), true);
        if (address == 0) {
            throw new OutOfMemoryError("cannot allocate " + bytes + " bytes of native memory");
        }
        NativeMemory m = new NativeMemory(address);
        FREED.register(m, () -> IO.freeMemory(address));
        return m;
    }

    /** A NUL-terminated UTF-8 copy of {@code s}. */
    public static NativeMemory cString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        NativeMemory m = allocate(bytes.length + 1);
        IO.putByteArray(m.address, bytes, 0, bytes.length);
        return m;
    }

    /** Memory the kernel mapped (an io_uring ring, say) at {@code address}; its owner unmaps it. */
    public static NativeMemory wrap(long address, long bytes) {
        return new NativeMemory(address);
    }

    public long address() {
        return address;
    }

    public byte getByte(long offset) {
        return IO.getByte(address + offset);
    }

    public void putByte(long offset, byte value) {
        IO.putByte(address + offset, value);
    }

    public short getShort(long offset) {
        return IO.getShort(address + offset);
    }

    public void putShort(long offset, short value) {
        IO.putShort(address + offset, value);
    }

    public int getInt(long offset) {
        return IO.getInt(address + offset);
    }

    public void putInt(long offset, int value) {
        IO.putInt(address + offset, value);
    }

    public long getLong(long offset) {
        return IO.getLong(address + offset);
    }

    public void putLong(long offset, long value) {
        IO.putLong(address + offset, value);
    }
}
