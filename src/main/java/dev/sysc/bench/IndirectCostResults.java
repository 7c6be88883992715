package dev.sysc.bench;

/**
 * What {@code sysc explain indirect-costs} measured; an experiment not run is null.
 *
 * @param failures why an experiment that was asked for could not run, one sentence each (empty when
 *                 all ran)
 */
public record IndirectCostResults(
        ReturnStackResult returnStack,
        PollutionResult pollution,
        SeccompResult seccomp,
        java.util.List<String> failures) {
    public IndirectCostResults {
        failures = java.util.List.copyOf(failures);
    }
}
