package dev.sysc.batch;

/** One measured point: ns per operation (per byte, for read) at one batch size (buffer size, for read). */
public record BatchPoint(int batch, double nsPerOp) {}
