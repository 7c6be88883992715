package dev.sysc.shell;

import java.util.List;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * Tab completion from the picocli model (commands, options, option values, call names, topics),
 * plus file names where a command takes files (compare's saved runs, -o, --from).
 */
final class SyscCompleter implements Completer {
    private final Completer commands;
    private final Completer files = new FileNameCompleter();

    SyscCompleter(picocli.CommandLine.Model.CommandSpec spec) {
        this.commands = new PicocliJLineCompleter(spec);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        commands.complete(reader, line, candidates);
        List<String> words = line.words();
        int index = line.wordIndex();
        String previous = index > 0 ? words.get(index - 1) : "";
        boolean wantsFile = previous.equals("-o")
                || previous.equals("--output")
                || previous.equals("--from")
                || (!words.isEmpty() && words.get(0).equals("compare") && index > 0 && !previous.startsWith("-"));
        if (wantsFile) {
            files.complete(reader, line, candidates);
        }
    }
}
