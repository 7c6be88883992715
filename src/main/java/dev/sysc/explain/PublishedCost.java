package dev.sysc.explain;

/** A cost measured and published by someone else, on another machine, with where it was published. */
public record PublishedCost(String file, String figure, String source) {}
