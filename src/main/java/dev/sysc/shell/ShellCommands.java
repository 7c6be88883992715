package dev.sysc.shell;

import dev.sysc.tour.TourPause;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the shell needs of sysc's commands, handed in by Main: the shell runs lines and completes
 * words, and knows nothing of which commands exist (so it does not depend on the cli package, which
 * itself opens the shell for {@code sysc shell}).
 */
public interface ShellCommands {
    /**
     * Runs one line's words, all output to {@code out}, the tour pausing through {@code pause}; returns
     * the exit code and never throws.
     */
    int run(PrintWriter out, TourPause pause, String... words);

    /** The whole command tree, for Tab completion. */
    CommandSpec spec();

    /** sysc's version, for the greeting. */
    String version();
}
