package dev.sysc.cli;

import dev.sysc.batch.RingFactory;
import dev.sysc.batch.Workload;
import dev.sysc.batch.WorkloadResult;
import dev.sysc.batch.Workloads;
import dev.sysc.bench.CallResult;
import dev.sysc.bench.Defaults;
import dev.sysc.bench.IndirectCostResults;
import dev.sysc.bench.IndirectCosts;
import dev.sysc.bench.LiveSession;
import dev.sysc.bench.Machine;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.bench.ToggleMeasurement;
import dev.sysc.bench.ToggleMeasurer;
import dev.sysc.compare.ResultFileReader;
import dev.sysc.exit.ExitCodes;
import dev.sysc.explain.CallInfo;
import dev.sysc.explain.Explainer;
import dev.sysc.explain.Explanation;
import dev.sysc.explain.KnowledgeBase;
import dev.sysc.explain.LivePlan;
import dev.sysc.host.HostInfo;
import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.Suggestions;
import dev.sysc.report.ExplainReport;
import dev.sysc.report.ExplainRun;
import dev.sysc.text.Untrusted;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        CallRef call = subject == null || KnowledgeBase.TOPIC_IDS.contains(subject) ? null : resolve(subject);
        Output out = new Output(spec.commandLine().getOut(), output);
        out.check();

        ExplainRun run;
        if (from != null) {
            run = recorded(call);
        } else if (noMeasure) {
            run = run(explain(call, Explainer.builtIn(), Machine.host()), null, List.of(), List.of(), null, null);
        } else {
            run = LiveRunner.session(spec, output, session -> measured(session, call, experiments));
        }
        out.write(ExplainReport.render(run, output.format(), output.style(), output.width()));
        return allMeasured(run) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** --from: the machine recorded in a saved result, explained, nothing measured. */
    private ExplainRun recorded(CallRef call) {
        // compare needs two runs: name the second one and how to make it, not just "sysc compare".
        String file = Untrusted.shownPath(from.toString());
        String note = "Nothing was measured (--from): the host explained is the one recorded in " + file
                + ", not this machine. To set its results beside this machine's, measure the same calls here "
                + "with -o here.json, then: sysc compare " + file + " here.json";
        Explanation explanation =
                explain(call, Explainer.builtIn(), ResultFileReader.read(from).host());
        return run(explanation, note, List.of(), List.of(), null, null);
    }

    /** The explanation with what its plan measures live in {@code session}. */
    private ExplainRun measured(LiveSession session, CallRef call, Set<IndirectCosts.Experiment> experiments) {
        HostInfo host = session.host();
        Explainer explainer = Explainer.builtIn();
        if (Explainer.vdsoTime(host).active() == null) {
            // kvm-clock and xen serve the vDSO only with a stable TSC: time it here instead of guessing.
            List<CallResult> clock = measure(session, List.of("clock_gettime", "clock_gettime@syscall"));
            if (clock.stream().allMatch(r -> r.ok() && r.net() != null)) {
                explainer = explainer.withMeasuredVdso(Explainer.vdsoFromMeasurement(
                        clock.get(0).net().median(), clock.get(1).net().median()));
            }
        }
        Explanation explanation = explain(call, explainer, host);
        LivePlan plan = plan(call);
        List<String> calls = plan.calls(Machine.vsyscallCallable());
        String note = null;
        List<ToggleMeasurement> toggles = List.of();
        if (measureToggles) {
            calls = List.of();
            toggles = new ToggleMeasurer(specs -> measure(session, specs)).measure(explanation.toggles());
            if (toggles.isEmpty()) {
                note = "--measure: no mitigation on this machine can be switched by a process (see above), so "
                        + "there is nothing to toggle; this is the floor as booted.";
                calls = ToggleMeasurer.FLOOR;
            }
        }
        List<CallResult> measured = calls.isEmpty() ? List.of() : measure(session, calls);
        WorkloadResult batching = plan.batch().map(b -> sweep(session, b)).orElse(null);
        IndirectCostResults experimentResults = plan.experiments()
                ? IndirectCosts.live(session.progress(), QUICK).run(experiments)
                : null;
        return run(explanation, note, measured, toggles, batching, experimentResults);
    }

    private Explanation explain(CallRef call, Explainer explainer, HostInfo host) {
        return subject == null
                ? explainer.machine(host)
                : call == null ? explainer.topic(subject, host) : explainer.call(info(call), host);
    }

    private ExplainRun run(
            Explanation explanation,
            String note,
            List<CallResult> measured,
            List<ToggleMeasurement> toggles,
            WorkloadResult batching,
            IndirectCostResults experiments) {
        boolean anything = !measured.isEmpty() || !toggles.isEmpty() || batching != null || experiments != null;
        return new ExplainRun(
                VersionProvider.version(),
                Instant.now(),
                from == null ? "live" : Untrusted.shownPath(from.toString()),
                explanation,
                measured,
                note,
                toggles,
                anything ? QUICK : null,
                batching,
                experiments);
    }

    private static boolean allMeasured(ExplainRun run) {
        return (run.batching() == null || !run.batching().failed())
                && (run.experiments() == null || run.experiments().failures().isEmpty())
                && run.measured().stream().allMatch(CallResult::ok)
                && run.toggles().stream()
                        .allMatch(t -> t.without().stream().allMatch(CallResult::ok)
                                && t.with().stream().allMatch(CallResult::ok));
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

    /**
     * What a quick live measurement shows: for a call, that call beside its system-call path (when the
     * vDSO could serve it) or beside enosys, the floor; for a topic or the machine, its row of topics.tsv.
     */
    private LivePlan plan(CallRef call) {
        if (call == null) {
            KnowledgeBase kb = KnowledgeBase.builtIn();
            return subject == null
                    ? kb.machinePlan()
                    : kb.topic(subject).orElseThrow().live();
        }
        List<String> calls = new ArrayList<>();
        calls.add(call.id());
        boolean vdsoCapable = call.entry().hasPath("syscall") && call.entry().hasPath("vdso");
        if (vdsoCapable && !call.pathId().equals("syscall")) {
            calls.add(call.name() + "@syscall");
        } else if (!call.name().equals("enosys") && !call.name().equals("ffi-noop")) {
            calls.add("enosys");
        }
        return new LivePlan(calls, List.of(), Optional.empty(), false);
    }

    /** A batch workload of the plan, through the batch engine with its default settings. */
    private static WorkloadResult sweep(LiveSession session, LivePlan.Batch batch) {
        Workload workload = Workloads.find(batch.workload(), RingFactory.KERNEL)
                .orElseThrow(() -> new IllegalStateException("topics.tsv names no workload " + batch.workload()));
        int[] sizes = batch.sizeArray();
        return BatchCommand.sweep(session, List.of(workload), w -> sizes, BatchCommand.defaultSpec())
                .get(0);
    }

    /** {@code specs} timed together on the native loop, with explain's short settings. */
    private static List<CallResult> measure(LiveSession session, List<String> specs) {
        Catalog catalog = Catalog.builtIn();
        return session.sideBySide(specs.stream().map(catalog::resolve).collect(Collectors.toList()), QUICK);
    }
}
