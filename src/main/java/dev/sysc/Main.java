package dev.sysc;

import dev.sysc.cli.SyscCommand;
import java.io.PrintWriter;

/** Entry point: runs the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = SyscCommand.execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
