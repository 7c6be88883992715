package dev.sysc.explain;

/** A step of the path with whether it runs on the host being explained, and why. */
public record AnnotatedStep(Step step, Activation activation) {}
