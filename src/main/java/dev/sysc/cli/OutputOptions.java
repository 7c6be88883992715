package dev.sysc.cli;

import dev.sysc.bench.Machine;
import dev.sysc.report.Format;
import dev.sysc.report.Style;
import dev.sysc.report.TextWidth;
import picocli.CommandLine.Option;

/** The options every command shares: format, output file, color, quiet, debug. */
public final class OutputOptions {
    /** As given; null when --format was not: then -o's extension decides, else a table. */
    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            converter = FormatConverter.class,
            completionCandidates = FormatConverter.Candidates.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table, or what the -o file's "
                    + "extension says: .json, .csv, .md).")
    Format explicitFormat;

    /** As given; null (or -) for standard output. */
    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the output to FILE instead of standard output (- is standard output). A regular "
                    + "FILE is replaced atomically (only by a complete new one); a symlink is followed; a device "
                    + "or FIFO is written in place.")
    String output;

    @Option(
            names = "--color",
            paramLabel = "WHEN",
            defaultValue = "auto",
            description = "Color: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; NO_COLOR is honoured).")
    ColorMode color = ColorMode.auto;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress line on standard error.")
    boolean quiet;

    @Option(names = "--debug", description = "Show the stack trace of an unexpected error.")
    boolean debug;

    /** The format: --format when given, else the one the -o file's extension names, else a table. */
    Format format() {
        if (explicitFormat != null) {
            return explicitFormat;
        }
        Format byName = OutputTarget.formatOf(output);
        return byName != null ? byName : Format.TABLE;
    }

    /** Whether the document goes to a file (or device) rather than standard output. */
    boolean toFile() {
        return output != null && !output.equals("-");
    }

    /** When to color output. */
    public enum ColorMode {
        auto,
        always,
        never
    }

    /**
     * The style for the table: colors with {@code always}; with {@code auto} only when standard output
     * is a terminal, no -o file is given and NO_COLOR (https://no-color.org) is unset or empty.
     */
    Style style() {
        return style(color, toFile(), System.getenv("NO_COLOR"), System.console() != null);
    }

    /**
     * The width text output is fitted to: COLUMNS when set to a number, else the width of the terminal
     * standard output is (asked each time: a shell's terminal may have been resized), else 80.
     */
    int width() {
        // System.console() first, a Java check: asking the terminal loads jffi, which a pipe need not pay.
        boolean terminal = output == null && System.console() != null;
        return width(System.getenv("COLUMNS"), terminal ? Machine.stdoutColumns() : 0);
    }

    /** {@code terminalColumns} is 0 when there is no terminal to ask; a width is never under {@link TextWidth#MIN}. */
    static int width(String columnsEnv, int terminalColumns) {
        if (columnsEnv != null) {
            try {
                int columns = Integer.parseInt(columnsEnv.strip());
                if (columns > 0) {
                    return TextWidth.usable(columns);
                }
            } catch (NumberFormatException e) {
                // Not a number: as if unset.
            }
        }
        return terminalColumns > 0 ? TextWidth.usable(terminalColumns) : TextWidth.DEFAULT;
    }

    static Style style(ColorMode mode, boolean toFile, String noColor, boolean stdoutIsTerminal) {
        switch (mode) {
            case always:
                return Style.ANSI;
            case never:
                return Style.NONE;
            default:
                boolean suppressed = toFile || (noColor != null && !noColor.isEmpty()) || !stdoutIsTerminal;
                return suppressed ? Style.NONE : Style.ANSI;
        }
    }
}
