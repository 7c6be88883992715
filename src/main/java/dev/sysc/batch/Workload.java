package dev.sysc.batch;

/** One batching workload: what it is, its default sizes, and how to set it up. */
public interface Workload {
    WorkloadInfo info();

    default String name() {
        return info().name();
    }

    /** The sizes swept when {@code --sizes} is not given, ascending. */
    int[] defaultSizes();

    /** The largest size one batch can have. */
    int maxSize();

    /** Why sizes stop at {@link #maxSize()}, e.g. {@code writev takes at most 1024 iovecs}. */
    String maxSizeReason();

    /**
     * Sets the workload up for batches of up to {@code largest} operations.
     *
     * @throws WorkloadUnavailableException when the kernel refuses what it needs (io_uring, a socket)
     */
    Session open(int largest);
}
