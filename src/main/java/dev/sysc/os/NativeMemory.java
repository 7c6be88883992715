package dev.sysc.os;

import java.nio.charset.StandardCharsets;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * A block of zeroed native memory whose address is handed to system calls. The memory lives as long
 * as this object is reachable, so a probe keeps its buffers in fields.
 */
public final class NativeMemory {
    private final Pointer pointer;

    private NativeMemory(Pointer pointer) {
        this.pointer = pointer;
    }

    public static NativeMemory allocate(int bytes) {
        return new NativeMemory(Memory.allocateDirect(Native.runtime(), bytes, true));
    }

    /** A NUL-terminated UTF-8 copy of {@code s}. */
    public static NativeMemory cString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        NativeMemory m = allocate(bytes.length + 1);
        m.pointer.put(0, bytes, 0, bytes.length);
        return m;
    }

    /** Memory the kernel mapped (an io_uring ring, say) at {@code address}, of {@code bytes} bytes. */
    static NativeMemory wrap(long address, long bytes) {
        return new NativeMemory(Pointer.wrap(Native.runtime(), address, bytes));
    }

    public long address() {
        return pointer.address();
    }

    public byte getByte(long offset) {
        return pointer.getByte(offset);
    }

    public void putByte(long offset, byte value) {
        pointer.putByte(offset, value);
    }

    public short getShort(long offset) {
        return pointer.getShort(offset);
    }

    public void putShort(long offset, short value) {
        pointer.putShort(offset, value);
    }

    public int getInt(long offset) {
        return pointer.getInt(offset);
    }

    public void putInt(long offset, int value) {
        pointer.putInt(offset, value);
    }

    public long getLong(long offset) {
        return pointer.getLongLong(offset);
    }

    public void putLong(long offset, long value) {
        pointer.putLongLong(offset, value);
    }
}
