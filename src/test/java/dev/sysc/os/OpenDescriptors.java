package dev.sysc.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * This process's open descriptors and what each points at, for tests that check nothing was left open.
 *
 * <p>Why not count them: a test JVM closes descriptors on other threads at any moment (a Cleaner
 * closing what an earlier test dropped, surefire's own channels), so a count taken before and after
 * can differ by one without anything of ours being wrong. What was opened and is still open since a
 * snapshot does not depend on that: a descriptor leaked by the code under test is a new number, or an
 * old number pointing somewhere new (a socket's inode, a ring's anon inode).
 *
 * <p>The JVM also opens files for a moment on its own threads: a compiler thread deciding whether to
 * start another one reads the cgroup's memory limit (seen once in CI, as
 * /sys/fs/cgroup/memory/.../memory.limit_in_bytes). So a descriptor counts as left open only if it is
 * still there, pointing at the same thing, a little later: a leak stays, a momentary read does not.
 */
public final class OpenDescriptors {
    private static final Path FDS = Path.of("/proc/self/fd");

    private OpenDescriptors() {}

    /** fd → link target, without the descriptors that the listing itself holds open. */
    public static Map<Integer, String> now() {
        String listing = "/proc/" + ProcessHandle.current().pid() + "/fd";
        Map<Integer, String> m = new TreeMap<>();
        try (Stream<Path> fds = Files.list(FDS)) {
            for (Path p : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(p).toString();
                    if (!target.equals(listing)) {
                        m.put(Integer.parseInt(p.getFileName().toString()), target);
                    }
                } catch (IOException closedMeanwhile) {
                    // closed between the listing and the readlink: not open now
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** How long a descriptor must stay open to count as left open (the JVM's reads last microseconds). */
    private static final long SETTLE_MILLIS = 200;

    /**
     * The descriptors open now that were not open, pointing at the same thing, in {@code before}, and
     * are still open, pointing at the same thing, {@link #SETTLE_MILLIS} later.
     */
    public static Map<Integer, String> openedSince(Map<Integer, String> before) {
        Map<Integer, String> opened = newSince(before);
        if (opened.isEmpty()) {
            return opened;
        }
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<Integer, String> still = newSince(before);
        opened.entrySet().removeIf(e -> !e.getValue().equals(still.get(e.getKey())));
        return opened;
    }

    private static Map<Integer, String> newSince(Map<Integer, String> before) {
        Map<Integer, String> opened = new TreeMap<>(now());
        opened.entrySet().removeIf(e -> e.getValue().equals(before.get(e.getKey())));
        return opened;
    }
}
