package dev.sysc.explain;

/**
 * A suggestion of what to try next, shown when its condition holds; {@code topic} is where it leads;
 * {@code source} backs any fact the text states ("-" for a plain suggestion).
 */
public record Hint(String id, String condition, String topic, String text, String source) {}
