package dev.sysc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where a command's document goes: standard output, or a file written atomically (a temporary file
 * in the same directory, renamed over the target), so an existing file survives a failed run.
 */
final class Output {
    private final PrintWriter out;
    private final Path file;

    Output(PrintWriter out, Path file) {
        this.out = out;
        this.file = file;
    }

    /** Checks before any work is done that the file can be written, so a long run is not lost at the end. */
    void check() {
        if (file == null) {
            return;
        }
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new UsageException("-o " + file + ": is a directory");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException("-o " + file + ": directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException("-o " + file + ": cannot write in " + dir);
        }
    }

    void write(String text) {
        if (file == null) {
            out.print(text);
            out.flush();
            return;
        }
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            tmp.toFile().deleteOnExit(); // an interrupted write leaves nothing behind
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            // createTempFile makes the file private (0600); a result file is not a secret, so give it
            // the permissions of the file it replaces, or the usual rw-r--r-- for a new one.
            Files.setPosixFilePermissions(tmp, Files.exists(target)
                    ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--"));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UsageException("-o " + file + ": cannot write: " + e.getMessage());
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
