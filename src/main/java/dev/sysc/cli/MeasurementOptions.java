package dev.sysc.cli;

import dev.sysc.bench.Defaults;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.probe.LoopKind;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of every command that measures: --time, --warmup, --samples, --cpu, --no-baseline. */
public final class MeasurementOptions {
    @Option(
            names = "--time",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Measuring time per call, e.g. 300ms, 1s (default: 300ms, at most 60s).")
    Duration time = Defaults.TIME;

    @Option(
            names = "--warmup",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Longest warm-up per call; it ends sooner once batch times stop falling "
                    + "(default: 200ms; 0 skips it).")
    Duration warmup = Defaults.WARMUP;

    @Option(
            names = "--samples",
            paramLabel = "N",
            description = "Take exactly N samples instead of filling --time (1 to 1000000).")
    Integer samples;

    @Option(names = "--cpu", paramLabel = "N", description = "Pin the measuring thread to CPU N.")
    Integer cpu;

    @Option(
            names = "--no-baseline",
            description = "Do not subtract the baseline (the empty loop; ffi-noop on the Java loop).")
    boolean noBaseline;

    @Option(
            names = "--loop",
            paramLabel = "KIND",
            converter = LoopConverter.class,
            completionCandidates = LoopConverter.Candidates.class,
            description =
                    "What times the calls: native (machine code generated at run time that calls what a C "
                            + "program calls; the default) or java (a Java loop through the FFI bridge: what a Java caller pays).")
    LoopKind loop = LoopKind.NATIVE;

    @Option(
            names = "--seccomp",
            paramLabel = "N",
            description = "Measure on a thread of its own under an "
                    + "allow-all seccomp filter of N BPF instructions (1 to 4096) that decides on the system call number, "
                    + "as a container's profile does; sysc itself stays unfiltered.")
    Integer seccomp;

    /** The validated spec. @throws dev.sysc.bench.SpecException (exit 2) naming the bad value */
    MeasureSpec toSpec() {
        return MeasureSpec.checked(time, warmup, samples, cpu, !noBaseline, loop, seccomp);
    }
}
