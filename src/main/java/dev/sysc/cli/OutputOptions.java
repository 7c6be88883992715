package dev.sysc.cli;

import dev.sysc.report.Format;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command shares: format, output file, color, quiet, debug. */
public final class OutputOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            converter = FormatConverter.class, completionCandidates = FormatConverter.Candidates.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.TABLE;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the output to FILE instead of standard output (atomically: an existing "
                    + "FILE is only replaced by a complete new one).")
    Path output;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Color: auto, always or never (default: ${DEFAULT-VALUE}; NO_COLOR is honoured).")
    ColorMode color = ColorMode.auto;

    @Option(names = {"-q", "--quiet"}, description = "No progress line on standard error.")
    boolean quiet;

    @Option(names = "--debug", description = "Show the stack trace of an unexpected error.")
    boolean debug;

    /** When to color output. */
    public enum ColorMode { auto, always, never }
}
