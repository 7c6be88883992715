package dev.sysc.cli;

import dev.sysc.exit.ExitCodes;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.CatalogEntry;
import dev.sysc.report.CatalogReport;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sysc list}: the catalog of measurable calls. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "List the calls sysc can measure, with their paths and what each one does.")
public final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--category",
            paramLabel = "C",
            completionCandidates = CategoryCandidates.class,
            description =
                    "Only the calls of category C (floor, process, time, scheduling, file, memory, ipc, batching).")
    String category;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Catalog catalog = Catalog.builtIn();
        if (category != null && !catalog.categories().contains(category)) {
            throw new UsageException("unknown category '" + dev.sysc.text.Untrusted.shown(category) + "' (use one of: "
                    + String.join(", ", catalog.categories()) + ")");
        }
        List<CatalogEntry> entries = catalog.entries().stream()
                .filter(e -> category == null || e.category().equals(category))
                .collect(Collectors.toList());
        Output out = new Output(spec.commandLine().getOut(), output);
        out.check();
        out.write(CatalogReport.render(entries, output.format(), output.width()));
        return ExitCodes.OK;
    }
}
