package dev.sysc.explain;

/** A suggestion of what to try next, shown when its condition holds; {@code topic} is where it leads. */
public record Hint(String id, String condition, String topic, String text) {
}
