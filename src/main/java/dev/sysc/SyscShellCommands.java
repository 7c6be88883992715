package dev.sysc;

import dev.sysc.cli.SyscCommand;
import dev.sysc.cli.VersionProvider;
import dev.sysc.shell.ShellCommands;
import dev.sysc.tour.TourPause;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import picocli.CommandLine.Model.CommandSpec;

/** sysc's commands as the shell runs them: wired here, beside Main, so that neither cli nor shell depends on the other. */
public final class SyscShellCommands implements ShellCommands {
    @Override
    public int run(PrintWriter out, TourPause pause, String... words) {
        try {
            return SyscCommand.execute(out, out, pause, words);
        } catch (Throwable t) {
            return SyscCommand.lastResort(t, out, Arrays.asList(words).contains("--debug"));
        }
    }

    @Override
    public CommandSpec spec() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return SyscCommand.commandLine(sink, sink).getCommandSpec();
    }

    @Override
    public String version() {
        return VersionProvider.version();
    }
}
