package dev.sysc.cli;

import dev.sysc.exit.ExitCodes;
import dev.sysc.exit.SyscException;
import dev.sysc.text.Untrusted;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns every error into one line on standard error and an exit code; a stack trace only with --debug. */
final class Errors {
    private Errors() {}

    static int onParameterException(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(prefix(cl) + oneLine(UsageMessages.plain(e)));
        if (debug(args)) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * A {@link SyscException} says its own exit code and message; an I/O failure outside sysc's control
     * (a temporary directory that cannot be made) exits 1 with its message; anything else is a bug.
     */
    static int onExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        int code = ExitCodes.FAILED;
        if (e instanceof SyscException) {
            SyscException known = (SyscException) e;
            code = known.exitCode();
            if (!known.silent()) {
                err.println(prefix(cl) + oneLine(e.getMessage()));
            }
        } else if (e instanceof java.io.UncheckedIOException) {
            err.println(prefix(cl) + oneLine(e.getMessage()));
        } else {
            err.println(prefix(cl) + "internal error: " + oneLine(String.valueOf(e))
                    + " (run again with --debug for details)");
        }
        if (debug(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static String prefix(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName() + ": ";
    }

    /** The longest error line: the untrusted parts are shortened where the message is made; this is the backstop. */
    private static final int MAX_LINE = 300;

    /** The message's first line, control characters escaped, at most {@link #MAX_LINE} characters. */
    private static String oneLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return Untrusted.shorten(Untrusted.escape(nl < 0 ? m : m.substring(0, nl)), MAX_LINE);
    }

    /** Whether the command that ran was given --debug (its OutputOptions), as picocli parsed it. */
    private static boolean debug(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        return leaf.hasMatchedOption("--debug");
    }

    /** Parsing failed, so nothing says which option is which: a --debug anywhere in the words counts. */
    private static boolean debug(String[] args) {
        return Arrays.asList(args).contains("--debug");
    }
}
