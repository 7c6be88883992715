package dev.sysc.profile;

import java.time.Duration;
import java.util.List;

/** Counts the system calls of a program it starts, or of a running process for a while. */
public interface Counter {
    /**
     * Runs {@code command} (standard input, output and error inherited) until it exits, counting it and
     * every process and thread it starts.
     */
    Counted launch(List<String> command);

    /** Counts process {@code pid}, every thread of it and every one it starts, for {@code duration} or until it exits. */
    Counted attach(int pid, Duration duration);
}
