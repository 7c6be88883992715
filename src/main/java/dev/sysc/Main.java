package dev.sysc;

import dev.sysc.cli.StreamGuard;
import dev.sysc.cli.SyscCommand;
import dev.sysc.cli.VersionProvider;
import dev.sysc.exit.ExitCodes;
import dev.sysc.shell.Shell;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** Entry point: runs the command line (or, with no arguments at a terminal, the shell) and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs sysc with {@code args} on this process's standard streams; returns the exit code. */
    static int run(String[] args) {
        // picocli looks for Groovy's Closure class unless told not to; sysc has no Groovy, and the failed
        // lookup opens every jar on the class path: 14 ms of CPU on each start of sysc list.
        System.setProperty("picocli.disable.closures", "true");
        // Straight to file descriptors 1 and 2 through guards, not through System.out/err, which hide write errors.
        StreamGuard outGuard = new StreamGuard(new FileOutputStream(FileDescriptor.out));
        StreamGuard errGuard = new StreamGuard(new FileOutputStream(FileDescriptor.err));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(outGuard, charset("sun.stdout.encoding")), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(errGuard, charset("sun.stderr.encoding")), true);
        int code;
        if (args.length == 0) {
            if (System.console() != null) {
                code = Shell.runOnSystemTerminal(new SyscShellCommands());
            } else {
                // Not a terminal (a pipe, a script): no prompt to wait at; say how to use sysc instead.
                SyscCommand.commandLine(out, err).usage(err);
                code = ExitCodes.USAGE;
            }
        } else if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The same lines picocli prints, without building a command model for them: scripts that check
            // the version should not pay for reflection over options they never use.
            for (String line : new VersionProvider().getVersion()) {
                out.println(line);
            }
            code = ExitCodes.OK;
        } else {
            try {
                code = SyscCommand.execute(out, err, () -> Shell.runOnSystemTerminal(new SyscShellCommands()), args);
            } catch (Throwable t) {
                // picocli hands only Exceptions to sysc's handler; an Error (out of memory, a library that
                // cannot link) still gets one line and exit 1, its trace only with --debug.
                code = SyscCommand.lastResort(
                        t, err, java.util.Arrays.asList(args).contains("--debug"));
            }
        }
        out.flush();
        return StreamGuard.exitCode(code, outGuard, err, errGuard);
    }

    /** The charset System.out or System.err would use: the property the JVM sets for a console, else the default. */
    private static Charset charset(String property) {
        String name = System.getProperty(property);
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
