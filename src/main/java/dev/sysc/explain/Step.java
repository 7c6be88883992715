package dev.sysc.explain;

import java.util.List;

/**
 * One step of the system call path (steps.tsv).
 *
 * @param path        "kernel" for the crossing, "vdso" for the user-space path of a vDSO call
 * @param phase       user, hardware, entry, dispatch, exit or return
 * @param condition   when the step runs (see {@link Conditions})
 * @param mitigations the vulnerability files whose mitigation this step is; empty for the basic path
 * @param applies     all, or for vDSO steps: clock or data
 * @param source      where the step's sentences come from (kernel paths, URLs)
 */
public record Step(
        String id,
        String path,
        String phase,
        String condition,
        List<String> mitigations,
        String applies,
        String title,
        String what,
        String source) {
    public Step {
        mitigations = List.copyOf(mitigations);
    }
}
