package dev.sysc.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** This process's children as the kernel lists them: each thread's /proc/self/task/TID/children. */
public final class ChildProcesses {
    private ChildProcesses() {}

    /**
     * The pids of every child of this process that has not been reaped, zombies included (a zombie
     * stays its parent's child until waited for).
     */
    public static List<String> now() throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String c = Files.readString(t.resolve("children")).trim();
                    if (!c.isEmpty()) {
                        all.addAll(List.of(c.split(" ")));
                    }
                } catch (NoSuchFileException gone) {
                    // the thread exited while the tasks were listed
                }
            }
        }
        return all;
    }
}
