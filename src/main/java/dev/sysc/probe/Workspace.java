package dev.sysc.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * sysc's own temporary directory under {@code java.io.tmpdir}, made on first use and removed on
 * {@link #close()} and at JVM exit (Ctrl-C included). The file-based calls touch nothing else.
 */
public final class Workspace implements AutoCloseable {
    private final Path parent;
    private Path dir;
    private Thread cleanupHook;

    public Workspace() {
        this(Paths.get(System.getProperty("java.io.tmpdir")));
    }

    public Workspace(Path parent) {
        this.parent = parent;
    }

    /** The directory, created with a small file {@code small} (16 bytes) and a symlink {@code link} to it. */
    public synchronized Path dir() {
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory(parent, "sysc-");
                dir = d;
                cleanupHook = new Thread(this::delete, "sysc-workspace-cleanup");
                Runtime.getRuntime().addShutdownHook(cleanupHook);
                Files.write(d.resolve("small"), new byte[16]);
                Files.createSymbolicLink(d.resolve("link"), Paths.get("small"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create sysc's temporary directory in " + parent + ": " + e, e);
            }
        }
        return dir;
    }

    public Path smallFile() {
        return dir().resolve("small");
    }

    public Path symlink() {
        return dir().resolve("link");
    }

    /** Whether the directory has been created (and not yet removed). */
    public synchronized boolean created() {
        return dir != null;
    }

    @Override
    public synchronized void close() {
        if (dir == null) {
            return;
        }
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupHook);
        } catch (IllegalStateException shuttingDown) {
            // Already exiting: the hook is running or ran.
        }
        dir = null;
    }

    private synchronized void delete() {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Best effort: one stuck file must not keep the rest.
                }
            });
        } catch (IOException ignored) {
            // The directory is already gone.
        }
    }
}
