package dev.sysc.bench;

import java.util.List;

/**
 * The seccomp experiment: getpid on a thread under allow-all filters of several lengths, with and
 * without the kernel's action cache able to help.
 *
 * @param points         one per filter (instructions 0: no filter)
 * @param filteredAfter  how many threads of this process had a seccomp filter once the experiment
 *                       ended (0: the filters went with their threads)
 * @param unavailable    why nothing was measured (seccomp refused), or null
 */
public record SeccompResult(List<Point> points, int filteredAfter, String unavailable) {
    public SeccompResult {
        points = List.copyOf(points);
    }

    /**
     * @param instructions     the filter's length in BPF instructions, 0 for none
     * @param inspectsArgument whether it loads an argument, which keeps the action cache from
     *                         answering for it
     * @param netNs            getpid net ns under it
     */
    public record Point(int instructions, boolean inspectsArgument, double netNs) {
        /** Whether the kernel's action cache (5.11+) can answer for getpid under this filter. */
        public boolean cacheable() {
            return instructions > 0 && !inspectsArgument;
        }
    }

    /** getpid with no filter, or NaN when it was not measured. */
    public double unfilteredNs() {
        return points.stream()
                .filter(p -> p.instructions() == 0)
                .mapToDouble(Point::netNs)
                .findFirst()
                .orElse(Double.NaN);
    }

    /** What a filter adds to getpid: its point's net minus the unfiltered net. */
    public double addedNs(Point p) {
        return p.netNs() - unfilteredNs();
    }
}
