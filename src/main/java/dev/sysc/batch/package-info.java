/**
 * Batching workloads as data and logic: each workload names its strategies (one call per operation,
 * or many operations on one crossing), its default sizes, and makes the operation that performs one
 * batch; {@link dev.sysc.batch.BatchSweep} measures every (strategy, size) point with the engine of
 * {@code dev.sysc.bench}, fits the cost lines and finds the break-even. Never prints.
 *
 * <p>Every ring, socket, descriptor and buffer a workload opens belongs to its {@link dev.sysc.batch.Session},
 * closed in a finally block whether the sweep succeeds or fails. Nothing is written to disk, so on
 * Ctrl-C there is nothing to clean up: the kernel closes a process's descriptors and rings when it exits.
 */
package dev.sysc.batch;
