package dev.sysc.cli;

import dev.sysc.probe.Suggestions;
import dev.sysc.text.Untrusted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's parse errors in plain words, with the fix: "compare needs at least two calls or two result
 * files" instead of "positional parameter at index 0..* (…) requires at least 2 values", and a "did you
 * mean" for a misspelled command or option (case ignored: MEASURE, --TIME).
 */
final class UsageMessages {
    /** What each command's operands are, said the way a user would, with an example. */
    private static final Map<String, String> NEEDS = Map.of(
            "measure",
            "measure needs at least one call, e.g. sysc measure getpid (sysc list shows them all)",
            "compare",
            "compare needs at least two calls or two result files, e.g. sysc compare getpid getppid, "
                    + "or sysc compare a.json b.json");

    private UsageMessages() {}

    static String plain(ParameterException e) {
        if (e instanceof UnmatchedArgumentException) {
            return unmatched((UnmatchedArgumentException) e);
        }
        if (e instanceof MissingParameterException) {
            return missing((MissingParameterException) e);
        }
        if (e.getCause() instanceof TypeConversionException && e.getArgSpec() instanceof OptionSpec) {
            // "--time 10: add a unit: 10s or 10ms" rather than "Invalid value for option '--time': ..."
            return ((OptionSpec) e.getArgSpec()).longestName() + " " + Untrusted.shown(e.getValue()) + ": "
                    + e.getCause().getMessage();
        }
        return e.getMessage();
    }

    private static String unmatched(UnmatchedArgumentException e) {
        CommandLine cl = e.getCommandLine();
        List<String> unmatched = e.getUnmatched();
        String typed = unmatched.isEmpty() ? "" : unmatched.get(0);
        String shown = Untrusted.shown(typed);
        if (e.isUnknownOption() || typed.startsWith("-")) {
            List<String> options = new ArrayList<>();
            for (OptionSpec o : cl.getCommandSpec().options()) {
                options.addAll(List.of(o.names()));
            }
            return "unknown option '" + shown + "'" + didYouMean(typed, options, e.getSuggestions());
        }
        if (!cl.getSubcommands().isEmpty()) {
            String hint = didYouMean(typed, cl.getSubcommands().keySet(), e.getSuggestions());
            return "unknown command '" + shown + "'"
                    + (hint.isEmpty()
                            ? " (commands: "
                                    + String.join(", ", cl.getSubcommands().keySet()) + ")"
                            : hint);
        }
        return "unexpected argument '" + shown + "' (see sysc " + cl.getCommandName() + " --help)";
    }

    private static String didYouMean(String typed, java.util.Collection<String> known, List<String> picocliGuesses) {
        List<String> close = Suggestions.closest(typed, known, 3);
        if (close.isEmpty() && picocliGuesses != null && !picocliGuesses.isEmpty()) {
            close = List.of(picocliGuesses.get(0));
        }
        return close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)";
    }

    private static String missing(MissingParameterException e) {
        String command = e.getCommandLine().getCommandName();
        for (ArgSpec arg : e.getMissing()) {
            if (arg.isOption()) {
                OptionSpec o = (OptionSpec) arg;
                return o.longestName() + " needs a value (" + o.paramLabel() + ")";
            }
        }
        String needs = NEEDS.get(command);
        if (needs != null) {
            return needs;
        }
        List<String> labels = new ArrayList<>();
        for (ArgSpec arg : e.getMissing()) {
            labels.add(arg.paramLabel());
        }
        return command + " needs " + String.join(" and ", labels) + " (see sysc " + command + " --help)";
    }
}
