package dev.sysc.cli;

import dev.sysc.bench.CompareRun;
import dev.sysc.bench.MeasureRun;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.compare.ResultFileReader;
import dev.sysc.compare.RunComparison;
import dev.sysc.compare.RunDiff;
import dev.sysc.compare.SavedRun;
import dev.sysc.exit.ExitCodes;
import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import dev.sysc.report.CompareReport;
import dev.sysc.report.DiffReport;
import dev.sysc.text.Untrusted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sysc compare}: calls side by side, or saved runs with a significance test. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compare calls side by side, or saved runs from two machines, kernels or boots.",
            "With call names: measures them interleaved in rounds and shows each one's ratio to the "
                    + "baseline call (the first, or --baseline).",
            "With result files (sysc measure -o FILE.json): matches calls by name@path and "
                    + "tests each change with a Mann-Whitney U test; later files are compared with the first."
        })
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "2..*",
            paramLabel = "NAME[@PATH]|FILE.json",
            completionCandidates = CallSpecCandidates.class,
            description = "At least two calls (see `sysc list`), or at least two result files.")
    List<String> operands;

    @Option(
            names = "--baseline",
            paramLabel = "NAME[@PATH]",
            completionCandidates = CallSpecCandidates.class,
            description = "The call the others are compared with (default: the first).")
    String baseline;

    @Mixin
    MeasurementOptions measurement;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        long files = operands.stream().filter(CompareCommand::looksLikeFile).count();
        if (files == operands.size()) {
            return compareFiles();
        }
        if (files > 0) {
            throw new UsageException("give either call names or result files, not both ("
                    + Untrusted.shownPath(operands.stream()
                            .filter(CompareCommand::looksLikeFile)
                            .findFirst()
                            .orElse(""))
                    + " is a file)");
        }
        return compareCalls();
    }

    /** A file when it says so (.json, a path) or names no call; a call name wins over a file of that name. */
    static boolean looksLikeFile(String operand) {
        if (operand.toLowerCase(Locale.ROOT).endsWith(".json") || operand.contains("/")) {
            return true;
        }
        String name = operand.contains("@") ? operand.substring(0, operand.indexOf('@')) : operand;
        return Catalog.builtIn().find(name).isEmpty() && Files.isRegularFile(Paths.get(operand));
    }

    private int compareCalls() {
        Catalog catalog = Catalog.builtIn();
        List<CallRef> calls = operands.stream().map(catalog::resolve).collect(Collectors.toList());
        int baselineIndex = 0;
        if (baseline != null) {
            CallRef wanted = catalog.resolve(baseline);
            baselineIndex = -1;
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i).id().equals(wanted.id())) {
                    baselineIndex = i;
                }
            }
            if (baselineIndex < 0) {
                throw new UsageException(
                        "--baseline " + Untrusted.shown(baseline) + " is not one of the compared calls");
            }
        }
        MeasureSpec measureSpec = measurement.toSpec();
        Output out = new Output(spec.commandLine().getOut(), output);
        out.check();
        MeasureRun run = LiveRunner.session(
                spec,
                output,
                session -> session.measureRun(
                        VersionProvider.version(),
                        measureSpec,
                        (runner, host) -> runner.compare(calls, measureSpec, host.vdsoClockUsable())));
        out.write(CompareReport.render(
                new CompareRun(run, baselineIndex), output.format(), output.style(), output.width()));
        return run.allOk() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private int compareFiles() {
        Output out = new Output(spec.commandLine().getOut(), output);
        out.check();
        List<SavedRun> runs = new ArrayList<>();
        for (String f : operands) {
            runs.add(ResultFileReader.readForComparison(Path.of(f)));
        }
        List<RunDiff> diffs = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            diffs.add(RunComparison.diff(runs.get(0), runs.get(i)));
        }
        out.write(DiffReport.render(
                diffs, output.format(), output.style(), output.width(), VersionProvider.version(), Instant.now()));
        return ExitCodes.OK;
    }
}
