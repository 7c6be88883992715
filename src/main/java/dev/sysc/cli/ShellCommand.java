package dev.sysc.cli;

import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import picocli.CommandLine.Command;

/** {@code sysc shell}: the interactive shell, also what {@code sysc} alone opens at a terminal. */
@Command(
        name = "shell",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Open the interactive shell: every sysc command at a prompt, with Tab completion and "
                    + "history, and a warm JVM so measurements answer quickly.",
            "History is kept in $XDG_STATE_HOME/sysc/history (default ~/.local/state/sysc/history). "
                    + "Ctrl-C stops a running measurement (or the tour, at its pause); clear clears the screen; "
                    + "exit or Ctrl-D leaves. A line may start with sysc, as on the command line.",
            "Output fits the terminal's width, read again for every command."
        })
public final class ShellCommand implements Callable<Integer> {
    /** Opens the shell; Main hands it in, so that cli does not depend on the shell package. */
    private final IntSupplier shell;

    ShellCommand(IntSupplier shell) {
        this.shell = shell;
    }

    @Override
    public Integer call() {
        if (System.console() == null) {
            throw new UsageException("the shell needs a terminal (standard input and output are not one)");
        }
        return shell.getAsInt();
    }
}
