package dev.sysc.report;

import dev.sysc.bench.CallResult;
import dev.sysc.bench.MeasureRun;
import java.util.IntSummaryStatistics;
import java.util.Locale;

/** The legend under a measurement (table, Markdown, compare): what timed the calls and what the columns mean. */
final class MeasureLegend {
    private MeasureLegend() {}

    private static String range(IntSummaryStatistics s) {
        return s.getMin() == s.getMax()
                ? Numbers.count(s.getMin())
                : Numbers.count(s.getMin()) + "–" + Numbers.count(s.getMax());
    }

    /** What timed the calls and what net means for that loop; the bridge's own cost when it was measured. */
    static String loopLegend(MeasureRun run) {
        StringBuilder sb = new StringBuilder();
        boolean anyJava = run.results().stream().anyMatch(r -> "java".equals(r.loop()));
        boolean anyNative = run.results().stream().anyMatch(r -> "native".equals(r.loop()));
        if (anyNative) {
            sb.append("Times are ns per call, timed in a native loop: machine code generated here that makes "
                    + "the calls the way a C program does (loop: native). ");
            sb.append(
                    run.spec().baseline()
                            ? "net = raw − baseline, where the baseline "
                                    + "is the same loop with no call in it: net is what the call itself costs.\n"
                            : "No baseline was subtracted (--no-baseline): "
                                    + "net = raw, the loop's own increment and branch included.\n");
            if (run.bridge() != null) {
                sb.append("A Java caller pays ")
                        .append(Numbers.ns(run.bridge().median()))
                        .append(" ns more per call: the Java-to-C bridge (ffi-noop through jnr; --loop java).\n");
            }
        }
        if (anyJava) {
            if (anyNative) {
                sb.append("Rows measured by the Java loop say so in their notes.\n");
            } else if (run.spec().loop() == dev.sysc.probe.LoopKind.NATIVE) {
                sb.append("Times are ns per call, timed in the Java loop (loop: java): the kernel refused to run "
                        + "generated code, so each call crossed the Java-to-C bridge. ");
            } else {
                sb.append("Times are ns per call, timed in the Java loop (loop: java): each call crosses the "
                        + "Java-to-C bridge. ");
            }
            if (!anyNative) {
                sb.append(
                        run.spec().baseline()
                                ? "net = raw − baseline, where the baseline (ffi-noop) is a native call "
                                        + "that does nothing, timed between samples: net is what the call itself costs.\n"
                                : "No baseline was subtracted (--no-baseline): net = raw, FFI cost included.\n");
            }
        }
        if (!anyJava && !anyNative) {
            sb.append("Times are ns per call.\n");
        }
        if (run.spec().seccomp() > 0) {
            sb.append("Measured on a thread of its own under an allow-all seccomp filter of ")
                    .append(run.spec().seccomp())
                    .append(run.spec().seccomp() == 1 ? " instruction" : " instructions")
                    .append(" (--seccomp);\nsysc explain indirect-costs shows what a filter adds.\n");
        }
        return sb.toString();
    }

    static String legend(MeasureRun run) {
        StringBuilder sb = new StringBuilder();
        IntSummaryStatistics samples = run.results().stream()
                .filter(CallResult::ok)
                .mapToInt(CallResult::samples)
                .summaryStatistics();
        IntSummaryStatistics batch = run.results().stream()
                .filter(CallResult::ok)
                .mapToInt(CallResult::callsPerSample)
                .summaryStatistics();
        sb.append(loopLegend(run));
        if (run.spec().samples() > 0
                && samples.getCount() > 0
                && samples.getMin() < run.spec().samples()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "Only %s of the %s samples asked for fit in the %d s limit.%n",
                    Numbers.count(samples.getMin()),
                    Numbers.count(run.spec().samples()),
                    dev.sysc.bench.Defaults.MAX_TIME.toSeconds()));
        }
        if (samples.getCount() > 0) {
            sb.append(String.format(
                    Locale.ROOT,
                    "p05–p95 is the spread of net across %s samples per call, each timing a batch of %s calls.%n",
                    range(samples),
                    range(batch)));
        }
        return sb.toString();
    }
}
