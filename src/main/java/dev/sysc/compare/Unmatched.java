package dev.sysc.compare;

/** A call that could not be compared: {@code name@path}, and why (only in one file, or failed in one). */
public record Unmatched(String id, String reason) {}
