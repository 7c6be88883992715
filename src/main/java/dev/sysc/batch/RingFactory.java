package dev.sysc.batch;

import dev.sysc.os.IoUring;

/** Opens io_uring rings; tests substitute one that refuses, as a kernel with io_uring disabled does. */
@FunctionalInterface
public interface RingFactory {
    /** @throws dev.sysc.os.NativeCallException with the kernel's errno when it refuses */
    IoUring open(int entries);

    RingFactory KERNEL = IoUring::open;
}
