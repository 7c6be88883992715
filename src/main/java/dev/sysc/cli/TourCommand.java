package dev.sysc.cli;

import dev.sysc.batch.BatchSeries;
import dev.sysc.batch.BatchSweep;
import dev.sysc.batch.RingFactory;
import dev.sysc.batch.WorkloadResult;
import dev.sysc.batch.Workloads;
import dev.sysc.bench.CallResult;
import dev.sysc.bench.Defaults;
import dev.sysc.bench.LiveSession;
import dev.sysc.bench.MeasureListener;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.exit.ExitCodes;
import dev.sysc.explain.Explainer;
import dev.sysc.host.HostInfo;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.LoopKind;
import dev.sysc.report.Format;
import dev.sysc.report.MeasureTable;
import dev.sysc.report.TourReport;
import dev.sysc.tour.TourPause;
import dev.sysc.tour.TourScript;
import dev.sysc.tour.TourStep;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sysc tour}: a guided sequence of live measurements for teaching, a page at a time. */
@Command(
        name = "tour",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "A guided tour for workshops: the FFI floor, an empty system call, getpid, the vDSO, "
                    + "this machine's mitigations, batching with io_uring, and three ways not to cross (vDSO, batching, a BPF "
                    + "socket filter), each a live measurement and a few sentences.",
            "At a terminal it waits for Enter between pages (q and Enter stops; in the shell, so does Ctrl-C). "
                    + "--format markdown writes the same as a handout with this machine's numbers."
        })
public final class TourCommand implements Callable<Integer> {
    /** Short measurements: the tour needs a sense of scale, and a page should answer in well under a second. */
    static final MeasureSpec QUICK = Defaults.TOUR_QUICK;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--loop",
            paramLabel = "KIND",
            converter = LoopConverter.class,
            completionCandidates = LoopConverter.Candidates.class,
            description = "What times the calls: native (generated machine code, the default) or java "
                    + "(the Java loop through the FFI bridge).")
    LoopKind loop = LoopKind.NATIVE;

    @Option(names = "--no-pause", description = "Do not wait for Enter between pages.")
    boolean noPause;

    @Mixin
    OutputOptions output;

    private final TourPause pause;

    public TourCommand() {
        this(TourPause.standardInput());
    }

    /** With {@code pause} between pages: the shell's, which hears Ctrl-C. */
    TourCommand(TourPause pause) {
        this.pause = pause;
    }

    @Override
    public Integer call() {
        if (output.format() == Format.JSON || output.format() == Format.CSV) {
            throw new UsageException("the tour is text or markdown (--format table or markdown), not "
                    + output.format().id());
        }
        Output out = new Output(spec.commandLine().getOut(), output);
        out.check();
        PrintWriter screen = spec.commandLine().getOut();
        boolean markdown = output.format() == Format.MARKDOWN;
        boolean waits = !noPause && !markdown && !output.toFile() && pause.interactive();
        int width = output.width();
        List<TourStep> steps = TourScript.builtIn();
        StringBuilder document = new StringBuilder();
        // Numbers measured on earlier pages stay available to later ones ("{getpid-enosys}").
        Map<String, Double> ns = new HashMap<>();
        boolean allMeasured = true;
        // No progress line: the pages themselves show where the tour is.
        try (LiveSession session = LiveSession.open(MeasureListener.NONE)) {
            HostInfo host = session.host();
            if (markdown) {
                document.append(TourReport.markdownHeader(MeasureTable.hostLine(host)));
            }
            for (int i = 0; i < steps.size(); i++) {
                TourStep step = steps.get(i);
                TourReport.Page page = page(step, i + 1, steps.size(), session, ns);
                allMeasured &= page.measured().stream().allMatch(CallResult::ok);
                if (markdown || output.toFile()) {
                    document.append(
                            markdown ? TourReport.markdown(page) : TourReport.text(page, output.style(), width));
                    continue;
                }
                screen.print(TourReport.text(page, output.style(), width));
                screen.flush();
                if (waits && i < steps.size() - 1 && !pause.next(screen)) {
                    break;
                }
            }
        }
        if (markdown || output.toFile()) {
            out.write(document.toString());
        }
        return allMeasured ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private TourReport.Page page(TourStep step, int number, int of, LiveSession session, Map<String, Double> ns) {
        HostInfo host = session.host();
        Map<String, String> words = new HashMap<>();
        List<CallResult> measured = List.of();
        if (!step.calls().isEmpty()) {
            Catalog catalog = Catalog.builtIn();
            measured = session.runner(loop)
                    .measure(
                            step.calls().stream().map(catalog::resolve).collect(Collectors.toList()),
                            QUICK.withLoop(loop),
                            host.vdsoClockUsable());
            for (int i = 0; i < measured.size(); i++) {
                if (measured.get(i).ok()) {
                    ns.put(step.calls().get(i), measured.get(i).net().median());
                }
            }
        }
        if (step.needs().equals("mitigations")) {
            words.put("mitigations", mitigationsOnPath(host));
        }
        if (step.needs().equals("batching")) {
            batching(session, ns, words);
        }
        if (step.needs().equals("filter")) {
            filter(session, ns, words);
        }
        List<String> paragraphs =
                step.text().stream().map(t -> TourScript.fill(t, ns, words)).collect(Collectors.toList());
        return new TourReport.Page(number, of, step.title(), paragraphs, measured);
    }

    static String mitigationsOnPath(HostInfo host) {
        List<String> on = Explainer.builtIn().machine(host).vulnerabilities().stream()
                .filter(r -> r.onPath().isActive())
                .map(r -> r.file() + " (" + r.status() + ")")
                .collect(Collectors.toList());
        return on.isEmpty()
                ? "none of this CPU's vulnerability files reports a mitigation on the system call path"
                : on.size() + " run on every crossing: " + String.join("; ", on);
    }

    private void batching(LiveSession session, Map<String, Double> ns, Map<String, String> words) {
        sweep(
                "io_uring",
                new int[] {1, 64},
                List.of("io_uring@1", "io_uring@64", "syscall-loop@64"),
                session,
                ns,
                words);
    }

    /** The three-ways page: the filter workload with every datagram wanted, and 1 in 100. */
    private void filter(LiveSession session, Map<String, Double> ns, Map<String, String> words) {
        sweep(
                "filter",
                new int[] {1, 100},
                List.of("discard@1", "discard@100", "bpf-filter@1", "bpf-filter@100"),
                session,
                ns,
                words);
    }

    /**
     * Runs batch workload {@code name} at {@code sizes} and puts each strategy's ns per operation in
     * {@code ns} as STRATEGY@SIZE; when the kernel refuses the workload, {@code keys} say why instead.
     */
    private void sweep(
            String name,
            int[] sizes,
            List<String> keys,
            LiveSession session,
            Map<String, Double> ns,
            Map<String, String> words) {
        WorkloadResult result = new BatchSweep(session.sampler(), session.probes(loop))
                .run(
                        List.of(Workloads.find(name, RingFactory.KERNEL).orElseThrow()),
                        w -> sizes,
                        new MeasureSpec(Defaults.TOUR_BATCH_TIME, Defaults.TOUR_BATCH_WARMUP, 0, -1, true, loop))
                .get(0);
        if (!result.available()) {
            String why = "(" + name + " is unavailable here: " + result.reason() + ")";
            for (String key : keys) {
                words.put(key, why);
            }
            return;
        }
        for (BatchSeries s : result.series()) {
            for (int size : sizes) {
                double v = s.at(size);
                if (!Double.isNaN(v)) {
                    ns.put(s.strategy() + "@" + size, v);
                }
            }
        }
    }
}
