package dev.sysc.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The top-level {@code sysc} command: its subcommands, and one place that maps errors to exit codes. */
@Command(name = "sysc", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Explore what Linux system calls cost on this machine: measure them, compare them, "
                + "and see why they cost what they do."},
        subcommands = {ListCommand.class, MeasureCommand.class, CompareCommand.class, ExplainCommand.class,
                BatchCommand.class, TourCommand.class, ShellCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  sysc measure getpid", "  sysc measure clock_gettime clock_gettime@syscall",
                "  sysc compare clock_gettime clock_gettime@syscall getppid ffi-noop",
                "  sysc measure getpid --format json -o a.json; sysc compare a.json b.json",
                "  sysc explain clock_gettime", "  sysc batch io_uring", "  sysc list --category time", "",
                "Exit codes: 0 ok, 1 a measurement failed, 2 usage error."})
public final class SyscCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // Reached only with options and no command (e.g. `sysc -q`); Main opens the shell for no arguments.
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: sysc measure getpid)");
    }

    /** Builds the command line with sysc's error handling wired in. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, CommandLine.defaultFactory());
    }

    /** The command line with its commands made by {@code factory}: tests substitute one with test doubles. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(new SyscCommand(), factory);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Errors::onParameterException);
        cl.setExecutionExceptionHandler(Errors::onExecutionException);
        return cl;
    }

    /** The one line (and, with --debug, the trace) for a Throwable nothing else caught; returns exit code 1. */
    public static int lastResort(Throwable t, PrintWriter err, boolean debug) {
        err.println("sysc: internal error: " + t + " (run again with --debug for details)");
        if (debug) {
            t.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILED;
    }

    /** Runs sysc with {@code args}; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /** Runs sysc with {@code args}, the tour waiting between pages through {@code pause} (the shell's). */
    public static int execute(PrintWriter out, PrintWriter err, TourPause pause, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory withPause = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == TourCommand.class ? type.cast(new TourCommand(pause)) : defaults.create(type);
            }
        };
        return commandLine(out, err, withPause).execute(args);
    }
}
