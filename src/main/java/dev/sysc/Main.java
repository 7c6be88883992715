package dev.sysc;

import dev.sysc.cli.ExitCodes;
import dev.sysc.cli.SyscCommand;
import dev.sysc.shell.Shell;
import java.io.PrintWriter;

/** Entry point: runs the command line (or, with no arguments at a terminal, the shell) and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        if (args.length == 0) {
            if (System.console() != null) {
                code = Shell.runOnSystemTerminal();
            } else {
                // Not a terminal (a pipe, a script): no prompt to wait at; say how to use sysc instead.
                SyscCommand.commandLine(out, err).usage(err);
                code = ExitCodes.USAGE;
            }
        } else {
            try {
                code = SyscCommand.execute(out, err, args);
            } catch (Throwable t) {
                // picocli hands only Exceptions to sysc's handler; an Error (out of memory, a library that
                // cannot link) still gets one line and exit 1, its trace only with --debug.
                code = SyscCommand.lastResort(t, err, java.util.Arrays.asList(args).contains("--debug"));
            }
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
