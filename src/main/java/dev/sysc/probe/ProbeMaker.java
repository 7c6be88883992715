package dev.sysc.probe;

/** Prepares one catalog call and returns the operation that invokes it once. */
@FunctionalInterface
interface ProbeMaker {
    Operation make(Setup setup);
}
