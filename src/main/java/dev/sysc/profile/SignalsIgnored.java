package dev.sysc.profile;

import dev.sysc.os.InstalledHandler;

/** SIGINT and SIGQUIT ignored by sysc while a profiled program runs, and restored afterwards. */
final class SignalsIgnored implements AutoCloseable {
    /** The signal numbers of Linux on x86-64, the one platform sysc runs on. */
    static final int SIGINT = 2;

    static final int SIGQUIT = 3;

    private final InstalledHandler interrupt;
    private final InstalledHandler quit;

    private SignalsIgnored(InstalledHandler interrupt, InstalledHandler quit) {
        this.interrupt = interrupt;
        this.quit = quit;
    }

    /** Ignores Ctrl-C and Ctrl-\ from now on; call it after the program has started (see Launcher). */
    static SignalsIgnored interactive() {
        InstalledHandler interrupt = InstalledHandler.ignore(SIGINT);
        try {
            return new SignalsIgnored(interrupt, InstalledHandler.ignore(SIGQUIT));
        } catch (RuntimeException e) {
            interrupt.close();
            throw e;
        }
    }

    @Override
    public void close() {
        quit.close();
        interrupt.close();
    }
}
