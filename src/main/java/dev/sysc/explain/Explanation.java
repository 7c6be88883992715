package dev.sysc.explain;

import dev.sysc.host.HostInfo;
import java.util.List;

/**
 * Everything {@code sysc explain} says about one subject on one host, before any measurement.
 *
 * @param subjectId       "machine", a call name (with @path when given) or a topic id
 * @param call            the call explained, or null
 * @param vdsoTime        whether the vDSO serves the time on this host, and why
 * @param vulnerabilities every vulnerability file of the host (machine and mitigations topic)
 * @param steps           the annotated path (calls, the mode-switch and vdso topics)
 * @param topic           the topic text, or null
 * @param toggles         the per-thread speculation switches (mitigations topic)
 * @param next            what to try next
 */
public record Explanation(
        Kind kind,
        String subjectId,
        String title,
        HostInfo host,
        CallInfo call,
        Activation vdsoTime,
        List<VulnerabilityRow> vulnerabilities,
        List<AnnotatedStep> steps,
        Topic topic,
        List<SpeculationToggles.Toggle> toggles,
        List<Hint> next) {
    /** What is being explained. */
    public enum Kind {
        MACHINE,
        CALL,
        TOPIC
    }

    public Explanation {
        vulnerabilities = List.copyOf(vulnerabilities);
        steps = List.copyOf(steps);
        toggles = List.copyOf(toggles);
        next = List.copyOf(next);
    }
}
