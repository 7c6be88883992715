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
 */
public final class OpenDescriptors {
    private static final Path FDS = Path.of("/proc/self/fd");

    private OpenDescriptors() {
    }

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

    /** The descriptors open now that were not open, pointing at the same thing, in {@code before}. */
    public static Map<Integer, String> openedSince(Map<Integer, String> before) {
        Map<Integer, String> opened = new TreeMap<>(now());
        opened.entrySet().removeIf(e -> e.getValue().equals(before.get(e.getKey())));
        return opened;
    }
}
