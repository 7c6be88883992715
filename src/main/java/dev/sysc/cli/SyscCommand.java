package dev.sysc.cli;

import dev.sysc.exit.ExitCodes;
import dev.sysc.tour.TourPause;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code sysc} command: its subcommands, and one place that maps errors to exit codes. */
@Command(
        name = "sysc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Explore what Linux system calls cost on this machine: measure them, compare them, "
                    + "and see why they cost what they do."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  sysc measure getpid",
            "  sysc measure clock_gettime clock_gettime@syscall",
            "  sysc compare clock_gettime clock_gettime@syscall getppid ffi-noop",
            "  sysc measure getpid -o a.json; sysc compare a.json b.json",
            "  sysc explain clock_gettime",
            "  sysc batch io_uring",
            "  sysc profile -- ls -R /usr/share",
            "  sysc list --category time",
            "",
            "Exit codes: 0 ok, 1 a measurement failed, 2 usage error."
        })
public final class SyscCommand implements Runnable {
    /**
     * The subcommands in the order help lists them. They are added by hand rather than through
     * {@code @Command(subcommands = ...)} so that a run of one command builds the model of that command
     * only: picocli reflects over every option of every command it is given, which was a fifth of the
     * start-up time of {@code sysc measure getpid}.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // Reached only with options and no command (e.g. `sysc -q`); Main opens the shell for no arguments.
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: sysc measure getpid)");
    }

    /** What {@code sysc shell} does where no shell was handed in (tests, generated docs). */
    private static final IntSupplier NO_SHELL = () -> {
        throw new UsageException("the shell is not available here");
    };

    /** Builds the command line with sysc's error handling wired in. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, CommandLine.defaultFactory());
    }

    /**
     * {@code base}, except that {@code sysc shell} is made with {@code shell}, which opens the shell,
     * and, when {@code pause} is not null, the tour waits between pages through it.
     */
    private static CommandLine.IFactory wired(CommandLine.IFactory base, IntSupplier shell, TourPause pause) {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == ShellCommand.class) {
                    return cls.cast(new ShellCommand(shell));
                }
                if (cls == TourCommand.class && pause != null) {
                    return cls.cast(new TourCommand(pause));
                }
                return base.create(cls);
            }
        };
    }

    /** The command line with its commands made by {@code factory}: tests substitute one with test doubles. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        return commandLine(out, err, wired(factory, NO_SHELL, null), SUBCOMMANDS.keySet());
    }

    private static CommandLine commandLine(
            PrintWriter out, PrintWriter err, CommandLine.IFactory factory, Collection<String> names) {
        CommandLine cl = new CommandLine(new SyscCommand(), factory);
        for (String name : names) {
            try {
                cl.addSubcommand(name, factory.create(SUBCOMMANDS.get(name)));
                if (name.equals("profile")) {
                    // `sysc profile ls -la`: everything from the program's name on belongs to the program.
                    cl.getSubcommands().get(name).setStopAtPositional(true);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the " + name + " command", e);
            }
        }
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
        return execute(out, err, NO_SHELL, args);
    }

    /** Runs sysc with {@code args}, where {@code sysc shell} opens the shell with {@code shell}. */
    public static int execute(PrintWriter out, PrintWriter err, IntSupplier shell, String... args) {
        return commandLineFor(out, err, wired(CommandLine.defaultFactory(), shell, null), args)
                .execute(args);
    }

    /**
     * The command line that can run {@code args}: when they start with a command's name, a tree with
     * only that command (its parsing, help and errors are the same); otherwise (top-level help, a
     * misspelled command that wants suggestions) the whole tree.
     */
    static CommandLine commandLineFor(PrintWriter out, PrintWriter err, String... args) {
        return commandLineFor(out, err, wired(CommandLine.defaultFactory(), NO_SHELL, null), args);
    }

    private static CommandLine commandLineFor(
            PrintWriter out, PrintWriter err, CommandLine.IFactory factory, String... args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help")) {
            return commandLine(out, err, factory, List.of(args[0]));
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return commandLine(out, err, factory, List.of());
        }
        return commandLine(out, err, factory, SUBCOMMANDS.keySet());
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("list", ListCommand.class);
        m.put("measure", MeasureCommand.class);
        m.put("compare", CompareCommand.class);
        m.put("explain", ExplainCommand.class);
        m.put("batch", BatchCommand.class);
        m.put("profile", ProfileCommand.class);
        m.put("tour", TourCommand.class);
        m.put("shell", ShellCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(m);
    }

    /** Runs sysc with {@code args}, the tour waiting between pages through {@code pause} (the shell's). */
    public static int execute(PrintWriter out, PrintWriter err, TourPause pause, String... args) {
        return commandLineFor(out, err, wired(CommandLine.defaultFactory(), NO_SHELL, pause), args)
                .execute(args);
    }
}
