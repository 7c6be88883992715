package dev.sysc.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where a command's document goes ({@link OutputTarget}): standard output; a regular file written
 * atomically (a temporary file in the same directory, renamed over the target), so an existing file
 * survives a failed run; or a device, FIFO or socket written in place.
 */
final class Output {
    private final PrintWriter out;
    private final OutputTarget target;

    Output(PrintWriter out, OutputOptions options) {
        this(out, OutputTarget.of(options.output));
    }

    Output(PrintWriter out, OutputTarget target) {
        this.out = out;
        this.target = target;
    }

    /** Checks before any work is done that the target can be written, so a long run is not lost at the end. */
    void check() {
        Path file = target.path();
        switch (target.kind()) {
            case STDOUT:
                return;
            case DIRECT:
                if (!Files.isWritable(file)) {
                    throw new UsageException("-o " + target.shown() + ": cannot write to it");
                }
                return;
            default:
                Path dir = file.getParent();
                if (dir == null || !Files.isDirectory(dir)) {
                    throw new UsageException("-o " + target.shown() + ": its directory does not exist");
                }
                if (!Files.isWritable(dir)) {
                    throw new UsageException("-o " + target.shown() + ": cannot write in its directory");
                }
        }
    }

    void write(String text) {
        try {
            switch (target.kind()) {
                case STDOUT:
                    // A failure here is seen by Main, which owns standard output (StreamGuard).
                    out.print(text);
                    out.flush();
                    return;
                case DIRECT:
                    // WRITE without CREATE or TRUNCATE: what a shell's > does to a device or FIFO, and if the
                    // node vanished since check() nothing is created in its place.
                    try (OutputStream o = Files.newOutputStream(target.path(), StandardOpenOption.WRITE)) {
                        o.write(text.getBytes(StandardCharsets.UTF_8));
                    }
                    return;
                default:
                    replace(target.path(), text);
            }
        } catch (IOException e) {
            throw new OutputFailedException(target.shown(), e);
        }
    }

    private static void replace(Path file, String text) throws IOException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
            tmp.toFile().deleteOnExit(); // an interrupted write leaves nothing behind
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            // createTempFile makes the file private (0600); a result file is not a secret, so give it
            // the permissions of the file it replaces, or the usual rw-r--r-- for a new one.
            Files.setPosixFilePermissions(
                    tmp,
                    Files.exists(file)
                            ? Files.getPosixFilePermissions(file)
                            : PosixFilePermissions.fromString("rw-r--r--"));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Nothing more can be done about a temporary file that will not go.
                }
            }
        }
    }
}
