package dev.sysc.profile;

import java.util.Map;
import java.util.TreeMap;

/**
 * What counting a program gave.
 *
 * @param counts     system call name → number of calls (names as the kernel's tracepoints spell them)
 * @param exitStatus the program's exit status (128+N when signal N killed it), or null when attached
 *                   to a process that was still running at the end
 * @param wallNs     wall time counted
 * @param userNs     the program's user time, or -1 when unknown
 * @param sysNs      the program's system time, or -1 when unknown
 * @param note       null, or a sentence about how the counting was done (the strace fallback's reason)
 */
public record Counted(
        CountingMethod method,
        Map<String, Long> counts,
        Integer exitStatus,
        long wallNs,
        long userNs,
        long sysNs,
        String note) {
    public Counted {
        counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** This result with {@code sentence} as its note. */
    public Counted withNote(String sentence) {
        return new Counted(method, counts, exitStatus, wallNs, userNs, sysNs, sentence);
    }
}
