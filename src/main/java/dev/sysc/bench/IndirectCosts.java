package dev.sysc.bench;

import dev.sysc.os.ExecutablePages;
import dev.sysc.os.NativeCallException;
import dev.sysc.probe.Probe;
import dev.sysc.stats.LinearFit;
import dev.sysc.stats.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The experiments of {@code sysc explain indirect-costs}: what a crossing costs beyond its own entry and
 * exit. Each is a set of generated loops sampled by the engine ({@link ProbeSampler}) against the empty
 * native loop, and reduced to a few figures; the code they run comes from a {@link Code}, real or fake.
 */
public final class IndirectCosts {
    /** The experiments, by the names {@code --experiment} takes. */
    public enum Experiment {
        RETURN_STACK("return-stack"),
        POLLUTION("pollution"),
        SECCOMP("seccomp");

        private final String id;

        Experiment(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<Experiment> of(String id) {
            return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
        }

        public static List<String> ids() {
            return Arrays.stream(values()).map(Experiment::id).toList();
        }
    }

    /** The crossings the pollution experiment puts before a walk. */
    public enum Crossing {
        GETPID("getpid"),
        READ_4K("read 4 KiB"),
        OPEN_CLOSE("open_close");

        private final String label;

        Crossing(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Sets up to this size are also walked after read 4 KiB and open_close (beyond it, the noise wins). */
    public static final long ALL_CROSSINGS_UP_TO = 256 << 10;

    /** The chain depths of the return-stack experiment. */
    public static final int[] FRAME_DEPTHS = {1, 2, 3, 4, 6, 8, 10, 12, 14, 16};
    /**
     * Working sets across this kind of machine's L1 (32-48 KiB), L2 (0.5-2 MiB) and last-level cache, and
     * one beyond it. That one is twice the 32 MiB a CCD of an EPYC shares: a set the size of the shared
     * cache keeps in it a share of its lines that depends on what the other cores (other tenants, on a
     * VM) put there, and the dependent pass over 32 MiB took 280 to 600 µs from one process to the next
     * here, while over 64 MiB it stayed within ±4 %.
     */
    public static final long[] WORKING_SETS = {4 << 10, 32 << 10, 256 << 10, 1 << 20, 8 << 20, 64 << 20};
    /**
     * How many times the pollution experiment goes over all its groups, each time sampling every group
     * for this share of the time.
     */
    public static final int POLLUTION_SWEEPS = 3;
    /** The most cache lines one pass of a pollution walk touches. */
    public static final int LINES_PER_PASS = dev.sysc.os.IndirectCostCode.WorkingSet.MAX_LINES_PER_PASS;
    /** Filter lengths, in BPF instructions; 0 is no filter. */
    public static final int[] FILTER_LENGTHS = {0, 1, 16, 128, 512};
    /** Lengths of the filters that load an argument, which the action cache cannot answer for. */
    public static final int[] UNCACHEABLE_LENGTHS = {16, 128, 512};

    /** Where the experiments' loops come from: generated code, or fakes in tests. */
    public interface Code {
        /** The loop with nothing in it: what every sample is paired with. */
        Probe emptyLoop();

        /** A chain of {@code depth} nested frames with getpid (the syscall instruction) at its bottom, or not. */
        Probe frames(int depth, boolean crossing);

        /** getpid by the syscall instruction, alone. */
        Probe getpid();

        /** {@code crossing} alone, made by the syscall instruction. */
        Probe crossing(Crossing crossing);

        /** A working set of {@code bytes}, its walks, released on close. */
        WorkingSet workingSet(long bytes);

        /**
         * Runs {@code work} on a thread made for it, under an allow-all filter of {@code instructions}
         * (0: none) installed on that thread alone, and returns its result once the thread has ended.
         *
         * @throws NativeCallException when the kernel refuses the filter
         */
        <T> T onFilteredThread(int instructions, boolean inspectsArgument, Supplier<T> work);

        /** How many threads of this process are under a seccomp filter now. */
        int filteredThreads();

        /**
         * Runs {@code work} on this thread pinned to {@code cpu}, or when it is negative to the first CPU
         * this process may use, and gives the thread its CPUs back after.
         */
        <T> T onOneCpu(int cpu, Supplier<T> work);
    }

    /** A working set and the walks over it. */
    public interface WorkingSet extends AutoCloseable {
        /** One pass a loop iteration, after {@code crossing}, or alone when it is null. */
        Probe walk(boolean dependent, Crossing crossing);

        /** How many cache lines one pass of a walk touches. */
        int linesPerPass();

        @Override
        void close();
    }

    private final ProbeSampler sampler;
    private final Code code;
    private final MeasureSpec spec;

    public IndirectCosts(ProbeSampler sampler, Code code, MeasureSpec spec) {
        this.sampler = sampler;
        this.code = code;
        this.spec = spec;
    }

    /** The experiments on real generated code and the real clock, reporting progress to {@code listener}. */
    public static IndirectCosts live(MeasureListener listener, MeasureSpec spec) {
        return new IndirectCosts(
                new ProbeSampler(Timer.SYSTEM, listener), new LiveIndirectCostCode(ExecutablePages.SYSTEM), spec);
    }

    /** Runs {@code which} in the order of {@link Experiment}; one that cannot run is named in failures. */
    public IndirectCostResults run(Set<Experiment> which) {
        Set<Experiment> wanted = which.isEmpty() ? EnumSet.allOf(Experiment.class) : EnumSet.copyOf(which);
        List<String> failures = new ArrayList<>();
        ReturnStackResult returnStack = null;
        PollutionResult pollution = null;
        SeccompResult seccomp = null;
        if (wanted.contains(Experiment.RETURN_STACK)) {
            returnStack = attempt(Experiment.RETURN_STACK, this::returnStack, failures);
        }
        if (wanted.contains(Experiment.POLLUTION)) {
            pollution = attempt(Experiment.POLLUTION, this::pollution, failures);
        }
        if (wanted.contains(Experiment.SECCOMP)) {
            seccomp = attempt(Experiment.SECCOMP, this::seccomp, failures);
        }
        return new IndirectCostResults(returnStack, pollution, seccomp, failures);
    }

    private static <T> T attempt(Experiment e, Supplier<T> experiment, List<String> failures) {
        try {
            return experiment.get();
        } catch (ProbeFailedException ex) {
            failures.add(
                    e.id() + ": a loop failed (" + ErrnoText.name(ex.probe().errno()) + ")");
        } catch (ExecutablePages.ExecutableMemoryRefused ex) {
            failures.add(e.id() + ": " + ex.getMessage() + "; these experiments need generated code");
        } catch (NativeCallException ex) {
            failures.add(e.id() + ": " + ex.getMessage());
        }
        return null;
    }

    ReturnStackResult returnStack() {
        List<ReturnStackResult.Point> points = new ArrayList<>();
        try (Probe base = code.emptyLoop()) {
            for (int i = 0; i < FRAME_DEPTHS.length; i++) {
                int d = FRAME_DEPTHS[i];
                try (Probe with = code.frames(d, true);
                        Probe without = code.frames(d, false)) {
                    List<RawSamples> s = sampler.sample(
                            List.of(with, without),
                            base,
                            spec,
                            "return-stack, " + d + (d == 1 ? " frame" : " frames"),
                            i,
                            FRAME_DEPTHS.length);
                    points.add(new ReturnStackResult.Point(d, net(s.get(0)), net(s.get(1))));
                }
            }
        }
        double[] x =
                points.stream().mapToDouble(ReturnStackResult.Point::frames).toArray();
        LinearFit crossing = LinearFit.ordinary(
                x,
                points.stream().mapToDouble(ReturnStackResult.Point::crossingNs).toArray());
        LinearFit chain = LinearFit.ordinary(
                x,
                points.stream()
                        .mapToDouble(ReturnStackResult.Point::withoutCrossingNs)
                        .toArray());
        return new ReturnStackResult(points, crossing.slope(), crossing.intercept(), chain.slope(), crossing.r2());
    }

    /**
     * Runs the pollution groups (one per working-set size and walk: the pass alone, and after each
     * crossing beside the crossing alone) in {@link #POLLUTION_SWEEPS} sweeps over all groups, each
     * sampling a group for a share of the time on a set made for that sweep, and reduces each probe
     * over the samples of every sweep. This VM's pace changes for seconds at a time (a neighbour on
     * the host, a build on the other core): sampled in one block, a whole group could fall into
     * such a stretch and the run's figures with it; spread over sweeps, a stretch covers a minority
     * of a group's samples, and the median leaves it out.
     */
    PollutionResult pollution() {
        // On one CPU, the same in every run: the two vCPUs here reach the shared L3 at different speeds
        // (the sequential pass over 8 MiB took 2.1 µs on one and 2.6 µs on the other), and an unpinned
        // run took whichever the scheduler gave it.
        return code.onOneCpu(spec.cpu(), this::pollutionHere);
    }

    private PollutionResult pollutionHere() {
        List<PollutionGroup> groups = new ArrayList<>();
        for (long bytes : WORKING_SETS) {
            List<Crossing> crossings =
                    bytes <= ALL_CROSSINGS_UP_TO ? List.of(Crossing.values()) : List.of(Crossing.GETPID);
            groups.add(new PollutionGroup(bytes, false, crossings));
            groups.add(new PollutionGroup(bytes, true, crossings));
        }
        MeasureSpec sweep = spec.splitOver(POLLUTION_SWEEPS);
        int steps = POLLUTION_SWEEPS * groups.size();
        try (Probe base = code.emptyLoop()) {
            for (int round = 0; round < POLLUTION_SWEEPS; round++) {
                int at = round * groups.size();
                for (int i = 0; i < groups.size(); i += 2) {
                    // A set of its own each sweep (new pages, and new code for its walks): where a set's
                    // lines fall in the L2 depends on the pages the kernel gives it, and moved the 1 MiB
                    // pass by ±8 % from one set to the next here; the median over the sweeps' samples
                    // takes in three placements instead of one.
                    try (WorkingSet set = code.workingSet(groups.get(i).bytes)) {
                        sampleGroup(groups.get(i), set, base, sweep, at + i, steps);
                        sampleGroup(groups.get(i + 1), set, base, sweep, at + i + 1, steps);
                    }
                }
            }
        }
        List<PollutionResult.Point> points = new ArrayList<>();
        List<Double> getpids = new ArrayList<>();
        for (PollutionGroup g : groups) {
            double alone = g.net(0);
            for (int i = 0; i < g.crossings.size(); i++) {
                double crossingNs = g.net(2 + 2 * i);
                if (g.crossings.get(i) == Crossing.GETPID) {
                    getpids.add(crossingNs);
                }
                points.add(new PollutionResult.Point(
                        g.bytes,
                        g.walk(),
                        g.crossings.get(i).label(),
                        g.linesPerPass,
                        alone,
                        g.net(1 + 2 * i),
                        crossingNs));
            }
        }
        return new PollutionResult(
                Statistics.median(
                        getpids.stream().mapToDouble(Double::doubleValue).toArray()),
                points);
    }

    /** One sweep of {@code g} on {@code set}: the pass alone, and after each crossing beside the crossing. */
    private void sampleGroup(PollutionGroup g, WorkingSet set, Probe base, MeasureSpec sweep, int index, int steps) {
        List<Probe> probes = new ArrayList<>();
        try {
            probes.add(set.walk(g.dependent, null));
            for (Crossing c : g.crossings) {
                probes.add(set.walk(g.dependent, c));
                probes.add(code.crossing(c));
            }
            g.linesPerPass = set.linesPerPass();
            g.add(sampler.sample(probes, base, sweep, g.label(), index, steps));
        } finally {
            probes.forEach(Probe::close);
        }
    }

    SeccompResult seccomp() {
        List<SeccompResult.Point> points = new ArrayList<>();
        List<int[]> filters = new ArrayList<>();
        for (int n : FILTER_LENGTHS) {
            filters.add(new int[] {n, 0});
        }
        for (int n : UNCACHEABLE_LENGTHS) {
            filters.add(new int[] {n, 1});
        }
        for (int i = 0; i < filters.size(); i++) {
            int n = filters.get(i)[0];
            boolean inspects = filters.get(i)[1] == 1;
            String label = "seccomp, " + (n == 0 ? "no filter" : n + " instructions" + (inspects ? ", argument" : ""));
            int at = i;
            double ns = code.onFilteredThread(n, inspects, () -> {
                try (Probe base = code.emptyLoop();
                        Probe getpid = code.getpid()) {
                    return net(sampler.sample(List.of(getpid), base, spec, label, at, filters.size())
                            .get(0));
                }
            });
            points.add(new SeccompResult.Point(n, inspects, ns));
        }
        return new SeccompResult(points, code.filteredThreads(), null);
    }

    private static double net(RawSamples s) {
        return Statistics.median(s.net());
    }

    /** 4 KiB, 64 MiB: how the working sets are named in progress and tables. */
    public static String bytesLabel(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return String.format(Locale.ROOT, "%d B", bytes);
    }
}
