package dev.sysc.cli;

import dev.sysc.bench.SpecException;
import dev.sysc.os.NativeCallException;
import dev.sysc.probe.UnknownCallException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns every error into one line on standard error and an exit code; a stack trace only with --debug. */
final class Errors {
    private Errors() {
    }

    static int onParameterException(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(prefix(cl) + oneLine(e.getMessage()));
        if (debug(args)) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    static int onExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof dev.sysc.bench.MeasurementInterrupted) {
            err.println(prefix(cl) + "interrupted");
            err.flush();
            return ExitCodes.INTERRUPTED;
        }
        boolean usage = e instanceof UsageException || e instanceof UnknownCallException
                || e instanceof SpecException || e instanceof dev.sysc.compare.ResultFileException;
        if (usage) {
            err.println(prefix(cl) + oneLine(e.getMessage()));
        } else if (e instanceof NativeCallException || e instanceof java.io.UncheckedIOException
                || e instanceof dev.sysc.profile.CountingUnavailableException
                || e instanceof dev.sysc.os.Platform.UnsupportedPlatformException) {
            err.println(prefix(cl) + oneLine(e.getMessage()));
        } else {
            err.println(prefix(cl) + "internal error: " + oneLine(String.valueOf(e))
                    + " (run again with --debug for details)");
        }
        if (debug(parsed.originalArgs().toArray(new String[0]))) {
            e.printStackTrace(err);
        }
        err.flush();
        return usage ? ExitCodes.USAGE : ExitCodes.FAILED;
    }

    private static String prefix(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName() + ": ";
    }

    private static String oneLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static boolean debug(String[] args) {
        return Arrays.asList(args).contains("--debug");
    }
}
