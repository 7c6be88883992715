package dev.sysc.compare;

/** One way two machines (or boots) differ, e.g. {@code kernel: 6.1.0 → 6.8.0}. */
public record HostDifference(String key, String a, String b) {}
