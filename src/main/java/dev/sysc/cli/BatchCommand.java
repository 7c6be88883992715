package dev.sysc.cli;

import dev.sysc.batch.BatchRun;
import dev.sysc.batch.BatchSizes;
import dev.sysc.batch.BatchSweep;
import dev.sysc.batch.RingFactory;
import dev.sysc.batch.Workload;
import dev.sysc.batch.WorkloadResult;
import dev.sysc.batch.Workloads;
import dev.sysc.bench.Defaults;
import dev.sysc.bench.LiveSession;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.exit.ExitCodes;
import dev.sysc.host.HostInfo;
import dev.sysc.probe.LoopKind;
import dev.sysc.probe.Suggestions;
import dev.sysc.report.BatchReport;
import dev.sysc.text.Untrusted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sysc batch [WORKLOAD]}: how the cost per operation falls as more work rides on one crossing. */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Show how batching amortizes the kernel crossing: per-operation cost against batch size "
                    + "for a loop of calls and for writev, io_uring, sendmmsg and bigger read buffers; and how a BPF "
                    + "socket filter saves the crossings for unwanted datagrams.",
            "Workloads: write (write loop vs writev vs one big write), read (one read of 1 B to 1 MiB), "
                    + "io_uring (getppid loop vs NOPs on one io_uring_enter), sendmmsg (sendto loop vs "
                    + "sendmmsg over loopback UDP), filter (100 loopback datagrams, 1 in K wanted: receive all "
                    + "and discard, or a BPF socket filter drops the rest; sizes are K, costs per wanted datagram, for "
                    + "the whole batch and for the receiver alone). "
                    + "Without WORKLOAD, all of them.",
            "A workload the kernel refuses (io_uring disabled, say) is reported unavailable with the reason; "
                    + "the others still run (exit 0). A batch that fails while measured exits 1.",
            "Nothing is written to disk; every ring, socket and descriptor is closed when a workload ends, "
                    + "and by the kernel if sysc is interrupted."
        },
        footer = {
            "",
            "Examples:",
            "  sysc batch",
            "  sysc batch io_uring --sizes 1,8,64,512",
            "  sysc batch filter --format markdown",
            "  sysc batch --format json -q -o batch.json"
        })
public final class BatchCommand implements Callable<Integer> {
    /** Per point (one batch size, all strategies interleaved): short, so that the whole sweep takes seconds. */
    static final Duration TIME = Defaults.BATCH_TIME;

    static final Duration WARMUP = Defaults.BATCH_WARMUP;

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "WORKLOAD",
            completionCandidates = WorkloadNames.class,
            description = "One of: ${COMPLETION-CANDIDATES} (default: all).")
    String workload;

    @Option(
            names = "--sizes",
            paramLabel = "N,N,...",
            description = "Batch sizes to sweep, comma-separated positive integers (default: powers of two "
                    + "1 to 256; for read, bytes from 1 B to 1 MiB; for filter, K: 1,2,10,100).")
    String sizes;

    @Option(
            names = "--time",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Measuring time per strategy at each size, e.g. 50ms, 1s (default: 50ms).")
    Duration time = TIME;

    @Option(
            names = "--warmup",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Longest warm-up at each size; it ends sooner once batch times stop falling "
                    + "(default: 50ms; 0 skips it).")
    Duration warmup = WARMUP;

    @Option(names = "--cpu", paramLabel = "N", description = "Pin the measuring thread to CPU N.")
    Integer cpu;

    @Option(
            names = "--no-baseline",
            description = "Do not subtract the FFI baseline (ffi-noop): figures then include the Java-to-C call cost.")
    boolean noBaseline;

    @Option(
            names = "--loop",
            paramLabel = "KIND",
            converter = LoopConverter.class,
            completionCandidates = LoopConverter.Candidates.class,
            description = "What runs each batch: native (generated machine code, as a C program would run it; the "
                    + "default, where the workload has a native form) or java (the Java loop through the FFI bridge).")
    LoopKind loop = LoopKind.NATIVE;

    @Mixin
    OutputOptions output;

    private final RingFactory rings;

    public BatchCommand() {
        this(RingFactory.KERNEL);
    }

    /** With io_uring rings from {@code rings}: tests make it refuse. */
    BatchCommand(RingFactory rings) {
        this.rings = rings;
    }

    @Override
    public Integer call() {
        List<Workload> chosen = chosen();
        int[] custom = parseSizes(chosen);
        MeasureSpec measureSpec = measureSpec();
        Output out = new Output(spec.commandLine().getOut(), output);
        out.check();

        BatchRun run = LiveRunner.session(spec, output, session -> {
            HostInfo host = session.host();
            List<WorkloadResult> results =
                    sweep(session, chosen, w -> custom != null ? custom : w.defaultSizes(), measureSpec);
            return new BatchRun(VersionProvider.version(), Instant.now(), host, measureSpec, results);
        });
        out.write(BatchReport.render(run, output.format(), output.style(), output.width()));
        return run.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Runs {@code workloads} through the batch engine, in {@code session}. */
    static List<WorkloadResult> sweep(
            LiveSession session,
            List<Workload> workloads,
            java.util.function.Function<Workload, int[]> sizes,
            MeasureSpec measureSpec) {
        return new BatchSweep(session.sampler(), session.probes(LoopKind.NATIVE)).run(workloads, sizes, measureSpec);
    }

    /** The default measuring spec of a batch sweep: short points, native loop. */
    static MeasureSpec defaultSpec() {
        return new BatchCommand().measureSpec();
    }

    private List<Workload> chosen() {
        if (workload == null) {
            return Workloads.all(rings);
        }
        return List.of(Workloads.find(workload, rings).orElseThrow(() -> {
            List<String> close = Suggestions.closest(workload, Workloads.names(), 3);
            String hint = close.isEmpty() ? "" : "did you mean " + String.join(", ", close) + "? ";
            return new UsageException("unknown workload '" + Untrusted.shown(workload) + "' (" + hint + "workloads: "
                    + String.join(", ", Workloads.names()) + ")");
        }));
    }

    /** The --sizes values, checked against each chosen workload's limit; null when not given. */
    private int[] parseSizes(List<Workload> chosen) {
        if (sizes == null) {
            return null;
        }
        int[] parsed;
        try {
            parsed = BatchSizes.parse(sizes);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--sizes: " + e.getMessage());
        }
        int largest = parsed[parsed.length - 1];
        for (Workload w : chosen) {
            if (largest > w.maxSize()) {
                throw new UsageException(
                        "--sizes: " + largest + " is too large for " + w.name() + " (" + w.maxSizeReason() + ")");
            }
        }
        return parsed;
    }

    private MeasureSpec measureSpec() {
        return MeasureSpec.checked(time, warmup, null, cpu, !noBaseline, loop, null);
    }

    /** The workload names, for help and completion. */
    static final class WorkloadNames extends ArrayList<String> {
        WorkloadNames() {
            super(Workloads.names());
        }
    }
}
