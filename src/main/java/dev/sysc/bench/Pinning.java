package dev.sysc.bench;

import dev.sysc.os.Affinity;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Checks a --cpu value against the CPUs this process may use. */
public final class Pinning {
    private Pinning() {}

    /** @throws SpecException naming the CPUs that exist when {@code cpu} is not one of them */
    public static void check(int cpu) {
        int[] allowed = Affinity.allowedCpus();
        if (Arrays.stream(allowed).noneMatch(c -> c == cpu)) {
            String list = Arrays.stream(allowed).mapToObj(Integer::toString).collect(Collectors.joining(", "));
            throw new SpecException("--cpu " + cpu + ": no such CPU for this process (it may use: " + list + ")");
        }
    }

    /**
     * Runs {@code work} with the current thread pinned to {@code cpu} (none when negative), then gives
     * the thread back the CPUs it had: the shell runs command after command on one thread, and a pin
     * must not outlive its command.
     */
    public static <T> T during(int cpu, Supplier<T> work) {
        int[] allowedBefore = cpu >= 0 ? Affinity.allowedCpus() : null;
        if (cpu >= 0) {
            Affinity.pinCurrentThread(cpu);
        }
        try {
            return work.get();
        } finally {
            if (allowedBefore != null) {
                Affinity.setAllowedCpus(allowedBefore);
            }
        }
    }
}
