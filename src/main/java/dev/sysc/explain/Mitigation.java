package dev.sysc.explain;

import java.util.List;

/**
 * What the mitigation behind one vulnerabilities file adds to the system call path (mitigations.tsv).
 *
 * @param condition when it is on the path of a host (see {@link Conditions})
 * @param adds      what it adds there, in a sentence or two
 * @param bootSwitch the kernel argument that turns it off
 * @param steps     the ids of the steps it adds
 * @param source    where its sentences come from
 */
public record Mitigation(
        String file, String name, String condition, String adds, String bootSwitch, List<String> steps, String source) {
    public Mitigation {
        steps = List.copyOf(steps);
    }
}
