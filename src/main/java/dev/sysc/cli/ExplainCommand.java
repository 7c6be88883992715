package dev.sysc.cli;

import dev.sysc.batch.RingFactory;
import dev.sysc.batch.Workload;
import dev.sysc.batch.WorkloadResult;
import dev.sysc.batch.Workloads;
import dev.sysc.bench.CallResult;
import dev.sysc.bench.Defaults;
import dev.sysc.bench.IndirectCostResults;
import dev.sysc.bench.IndirectCosts;
import dev.sysc.bench.Machine;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.bench.ToggleMeasurer;
import dev.sysc.compare.ResultFileReader;
import dev.sysc.exit.ExitCodes;
import dev.sysc.explain.CallInfo;
import dev.sysc.explain.Explainer;
import dev.sysc.explain.Explanation;
import dev.sysc.explain.KnowledgeBase;
import dev.sysc.host.HostInfo;
import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.LoopKind;
import dev.sysc.probe.Suggestions;
import dev.sysc.report.ExplainReport;
import dev.sysc.report.ExplainRun;
import dev.sysc.text.Untrusted;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sysc explain [NAME|TOPIC]}: the kernel path, annotated with what this machine really does. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Explain why a system call costs what it costs, annotated with this machine's state.",
            "No argument: this machine's CPU vulnerabilities, what each adds to every system call, whether "
                    + "the vDSO serves the time, and a quick measurement of the floor.",
            "NAME (see `sysc list`): that call's path step by step, each step active or not here, and why.",
            "TOPIC: mode-switch, vdso, mitigations, batching, bpf, indirect-costs, page-fault, clone or "
                    + "signal-delivery."
        })
public final class ExplainCommand implements Callable<Integer> {
    private HostInfo liveHost;

    /** Short: explain only needs a sense of scale, not sysc measure's care. */
    static final MeasureSpec QUICK = Defaults.EXPLAIN_QUICK;

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "NAME|TOPIC",
            completionCandidates = ExplainSubjects.class,
            description =
                    "A call (NAME[@PATH]) or a topic: mode-switch, vdso, mitigations, batching, bpf, indirect-costs, "
                            + "page-fault, clone, signal-delivery.")
    String subject;

    @Option(names = "--no-measure", description = "Do not measure anything; explain only.")
    boolean noMeasure;

    @Option(
            names = "--measure",
            description = "With the mitigations topic: time the system call floor with each "
                    + "per-process prctl switch off and on, as a check: these switches run nothing on entry or exit.")
    boolean measureToggles;

    @Option(
            names = "--experiment",
            paramLabel = "NAME",
            completionCandidates = ExperimentCandidates.class,
            description = "With the indirect-costs topic: run only this experiment (return-stack, pollution or "
                    + "seccomp) instead of all three.")
    String experiment;

    @Option(
            names = "--from",
            paramLabel = "FILE.json",
            description = "Explain the machine recorded in a saved result (sysc measure -o FILE.json).")
    Path from;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (measureToggles && (noMeasure || from != null)) {
            throw new UsageException("--measure cannot be combined with " + (noMeasure ? "--no-measure" : "--from"));
        }
        if (measureToggles && !"mitigations".equals(subject)) {
            throw new UsageException("--measure belongs to the mitigations topic: sysc explain mitigations --measure");
        }
        Set<IndirectCosts.Experiment> experiments = experimentsWanted();
        Explainer explainer = Explainer.builtIn();
        CallRef call = subject == null || KnowledgeBase.TOPIC_IDS.contains(subject) ? null : resolve(subject);
        Output out = new Output(spec.commandLine().getOut(), output);
        out.check();

        HostInfo host = from != null ? ResultFileReader.read(from).host() : liveHost();
        if (from == null && !noMeasure && Explainer.vdsoTime(host).active() == null) {
            // kvm-clock and xen serve the vDSO only with a stable TSC: time it here instead of guessing.
            Machine.requireSupported();
            List<CallResult> clock = measure(List.of("clock_gettime", "clock_gettime@syscall"));
            if (clock.stream().allMatch(r -> r.ok() && r.net() != null)) {
                explainer = explainer.withMeasuredVdso(Explainer.vdsoFromMeasurement(
                        clock.get(0).net().median(), clock.get(1).net().median()));
            }
        }
        Explanation explanation = subject == null
                ? explainer.machine(host)
                : call == null ? explainer.topic(subject, host) : explainer.call(info(call), host);

        List<CallResult> measured = List.of();
        String note = null;
        List<dev.sysc.bench.ToggleMeasurement> toggles = List.of();
        WorkloadResult batching = null;
        IndirectCostResults measuredExperiments = null;
        if (from != null) {
            // compare needs two runs: name the second one and how to make it, not just "sysc compare".
            String file = Untrusted.shownPath(from.toString());
            note = "Nothing was measured (--from): the host explained is the one recorded in " + file
                    + ", not this machine. To set its results beside this machine's, measure the same calls here "
                    + "with -o here.json, then: sysc compare " + file + " here.json";
        } else if (!noMeasure) {
            Machine.requireSupported();
            List<String> calls = callsToMeasure(call);
            if (measureToggles) {
                toggles = new ToggleMeasurer(this::measure).measure(explanation.toggles());
                if (toggles.isEmpty()) {
                    note = "--measure: no mitigation on this machine can be switched by a process (see above), so "
                            + "there is nothing to toggle; this is the floor as booted.";
                    calls = ToggleMeasurer.FLOOR;
                }
            }
            if (!calls.isEmpty()) {
                measured = measure(calls);
            }
            if ("batching".equals(subject)) {
                batching = measureBatching();
            } else if ("bpf".equals(subject)) {
                batching = measureFilter();
            }
            if (INDIRECT_COSTS.equals(subject)) {
                measuredExperiments = measureExperiments(experiments);
            }
        }
        String source = from == null ? "live" : Untrusted.shownPath(from.toString());
        ExplainRun run = new ExplainRun(
                VersionProvider.version(),
                Instant.now(),
                source,
                explanation,
                measured,
                note,
                toggles,
                measured.isEmpty() && toggles.isEmpty() && batching == null && measuredExperiments == null
                        ? null
                        : QUICK,
                batching,
                measuredExperiments);
        out.write(ExplainReport.render(run, output.format(), output.style(), output.width()));
        boolean allMeasured = (batching == null || !batching.failed())
                && (measuredExperiments == null
                        || measuredExperiments.failures().isEmpty())
                && measured.stream().allMatch(CallResult::ok)
                && toggles.stream()
                        .allMatch(t -> t.without().stream().allMatch(CallResult::ok)
                                && t.with().stream().allMatch(CallResult::ok));
        return allMeasured ? ExitCodes.OK : ExitCodes.FAILED;
    }

    static final String INDIRECT_COSTS = "indirect-costs";

    /** --experiment, checked: empty for all of them. */
    private Set<IndirectCosts.Experiment> experimentsWanted() {
        if (experiment == null) {
            return Set.of();
        }
        if (!INDIRECT_COSTS.equals(subject)) {
            throw new UsageException("--experiment belongs to the indirect-costs topic: "
                    + "sysc explain indirect-costs --experiment " + Untrusted.shown(experiment));
        }
        if (noMeasure || from != null) {
            throw new UsageException("--experiment cannot be combined with " + (noMeasure ? "--no-measure" : "--from"));
        }
        return Set.of(IndirectCosts.Experiment.of(experiment)
                .orElseThrow(() -> new UsageException("unknown experiment '" + Untrusted.shown(experiment)
                        + "' (experiments: " + String.join(", ", IndirectCosts.Experiment.ids()) + ")")));
    }

    /** The indirect-costs experiments, on the engine's sampler with explain's short settings. */
    private IndirectCostResults measureExperiments(Set<IndirectCosts.Experiment> which) {
        return LiveRunner.withProgress(
                spec, output, listener -> IndirectCosts.live(listener, QUICK).run(which));
    }

    private CallRef resolve(String name) {
        Catalog catalog = Catalog.builtIn();
        int at = name.indexOf('@');
        String bare = at < 0 ? name : name.substring(0, at);
        if (catalog.find(bare).isEmpty()) {
            List<String> known = new ArrayList<>(KnowledgeBase.TOPIC_IDS);
            catalog.entries().forEach(e -> known.add(e.name()));
            List<String> close = Suggestions.closest(bare, known, 3);
            throw new UsageException("unknown call or topic '" + Untrusted.shown(name) + "'"
                    + (close.isEmpty()
                            ? " (topics: " + String.join(", ", KnowledgeBase.TOPIC_IDS) + "; calls: sysc list)"
                            : " (did you mean " + String.join(", ", close) + "?)"));
        }
        return catalog.resolve(name);
    }

    private static CallInfo info(CallRef call) {
        CallInfo.Kind kind;
        switch (call.entry().via()) {
            case NONE:
                kind = CallInfo.Kind.NEVER;
                break;
            case VDSO:
                kind = CallInfo.Kind.VDSO;
                break;
            case VDSO_CLOCK:
                kind = CallInfo.Kind.VDSO_CLOCK;
                break;
            default:
                kind = CallInfo.Kind.KERNEL;
        }
        return new CallInfo(
                call.name(),
                call.pathId(),
                kind,
                call.entry().explainId(),
                call.entry().summary());
    }

    /** What a quick live measurement shows for each subject. */
    private List<String> callsToMeasure(CallRef call) {
        if (call != null) {
            List<String> calls = new ArrayList<>();
            calls.add(call.id());
            boolean vdsoCapable =
                    call.entry().hasPath("syscall") && call.entry().hasPath("vdso");
            if (vdsoCapable && !call.pathId().equals("syscall")) {
                calls.add(call.name() + "@syscall");
            } else if (!call.name().equals("enosys") && !call.name().equals("ffi-noop")) {
                calls.add("enosys");
            }
            return calls;
        }
        if (subject == null) {
            return List.of("ffi-noop", "enosys", "clock_gettime");
        }
        switch (subject) {
            case "mode-switch":
                return List.of("ffi-noop", "enosys", "getppid");
            case "vdso":
                return vdsoCalls(Machine.vsyscallCallable());
            case "mitigations":
                return measureToggles ? List.of() : List.of("enosys", "getppid");
            case "batching":
                return List.of(); // measured by the batch engine: measureBatching
            default:
                return List.of();
        }
    }

    /**
     * The vdso topic's live run: clock_gettime through the vDSO and as a system call and, where the legacy
     * page is mapped, gettimeofday three ways: trapped and emulated on the vsyscall page, from the vDSO, and
     * as a system call (the history of the fast time call in three numbers).
     */
    static List<String> vdsoCalls(boolean vsyscallMapped) {
        List<String> calls = new ArrayList<>(List.of("clock_gettime", "clock_gettime@syscall"));
        if (vsyscallMapped) {
            calls.addAll(List.of("gettimeofday@vsyscall", "gettimeofday@vdso", "gettimeofday@syscall"));
        }
        return calls;
    }

    /** The K values of explain bpf's live run: every datagram wanted, 1 in 10, 1 in 100. */
    static final int[] FILTER_KS = {1, 10, 100};

    /** The filter workload of sysc batch at {@link #FILTER_KS}. */
    private WorkloadResult measureFilter() {
        Workload filter = Workloads.find("filter", RingFactory.KERNEL).orElseThrow();
        return BatchCommand.sweep(List.of(filter), w -> FILTER_KS, BatchCommand.defaultSpec(), null)
                .get(0);
    }

    /** The batch sizes of explain batching's live run: a loop of N writes against one writev of N iovecs. */
    static final int[] BATCH_SIZES = {16, 64};

    /** The write workload of sysc batch at {@link #BATCH_SIZES}: the same engine, fewer points. */
    private WorkloadResult measureBatching() {
        Workload write = Workloads.find("write", RingFactory.KERNEL).orElseThrow();
        return BatchCommand.sweep(List.of(write), w -> BATCH_SIZES, BatchCommand.defaultSpec(), null)
                .get(0);
    }

    /** This machine's snapshot, read once per command (measure runs several times with --measure). */
    private HostInfo liveHost() {
        if (liveHost == null) {
            liveHost = Machine.host();
        }
        return liveHost;
    }

    List<CallResult> measure(List<String> specs) {
        Catalog catalog = Catalog.builtIn();
        List<CallRef> calls = specs.stream().map(catalog::resolve).collect(Collectors.toList());
        HostInfo host = liveHost();
        // ffi-noop stands for the Java-to-C bridge here: what a Java caller pays on top of each crossing,
        // measured on the Java loop; the crossings themselves are measured natively, as a C program makes them.
        return LiveRunner.run(spec, output, LoopKind.NATIVE, runner -> {
            List<CallRef> crossings =
                    calls.stream().filter(c -> !c.name().equals("ffi-noop")).collect(Collectors.toList());
            List<CallResult> measured = runner.measure(crossings, QUICK, host.vdsoClockUsable());
            List<CallResult> results = new java.util.ArrayList<>();
            int next = 0;
            for (CallRef c : calls) {
                if (c.name().equals("ffi-noop")) {
                    results.add(runner.bridge(QUICK)
                            .orElseGet(() -> CallResult.failed(
                                    "ffi-noop", "libc", false, 0, 0, "the Java-to-C bridge could not be measured")));
                } else {
                    results.add(measured.get(next++));
                }
            }
            return results;
        });
    }
}
