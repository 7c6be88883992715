package dev.sysc.cli;

import dev.sysc.bench.MeasureRun;
import dev.sysc.bench.MeasureSpec;
import dev.sysc.exit.ExitCodes;
import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import dev.sysc.report.MeasureReport;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sysc measure NAME[@PATH]...}: the cost of each call on this machine. */
@Command(
        name = "measure",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Measure what one call costs on this machine, net of the cost of calling C from Java.",
            "Several calls are measured one after another. A call the kernel refuses is reported with "
                    + "its errno (exit code 1); the others still report."
        })
public final class MeasureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "NAME[@PATH]",
            completionCandidates = CallSpecCandidates.class,
            description = "Calls to measure (see `sysc list`); @PATH picks libc, syscall or vdso.")
    List<String> names;

    @Mixin
    MeasurementOptions measurement;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Catalog catalog = Catalog.builtIn();
        List<CallRef> calls = names.stream().map(catalog::resolve).collect(Collectors.toList());
        MeasureSpec measureSpec = measurement.toSpec();
        Output out = new Output(spec.commandLine().getOut(), output);
        out.check();

        MeasureRun run = LiveRunner.session(
                spec,
                output,
                session -> session.measureRun(
                        VersionProvider.version(),
                        measureSpec,
                        (runner, host) -> runner.measure(calls, measureSpec, host.vdsoClockUsable())));
        out.write(MeasureReport.render(run, output.format(), output.style(), output.width()));
        return run.allOk() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
