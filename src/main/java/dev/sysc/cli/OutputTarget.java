package dev.sysc.cli;

import dev.sysc.report.Format;
import dev.sysc.text.Untrusted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * What {@code -o NAME} names on disk, and so how to write it. A regular file (or a new one) is replaced
 * atomically; a symlink is followed and its target replaced, so the link stays a link; a device, FIFO or
 * socket is opened and written in place: replacing {@code /dev/null} with a file, or a FIFO its reader is
 * waiting on, would break the system or hang the reader. {@code -} (or no -o) is standard output.
 *
 * @param path  the file written (the link's target for a symlink); null for standard output
 * @param shown the name as the user gave it, safe to echo
 */
record OutputTarget(Kind kind, Path path, String shown) {
    /** How the document reaches its destination. */
    enum Kind {
        STDOUT,
        REPLACE,
        DIRECT
    }

    /** Linux gives up after 40 links in a row (ELOOP); so does sysc. */
    private static final int MAX_LINKS = 40;

    static final OutputTarget STDOUT = new OutputTarget(Kind.STDOUT, null, "standard output");

    /** The target {@code name} (as given to -o; null when -o was not given) names now. */
    static OutputTarget of(String name) {
        if (name == null || name.equals("-")) {
            return STDOUT;
        }
        String shown = Untrusted.shown(name);
        if (name.isEmpty()) {
            throw new UsageException("-o needs a file name (or - for standard output)");
        }
        Path target;
        try {
            target = follow(Path.of(name).toAbsolutePath(), shown);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException("-o " + shown + ": not a usable file name");
        } catch (IOException e) {
            throw new UsageException("-o " + shown + ": " + Untrusted.shown(e.getMessage()));
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new OutputTarget(Kind.REPLACE, target, shown); // a new file (or a dangling link's target)
        } catch (IOException e) {
            throw new UsageException("-o " + shown + ": " + Untrusted.shown(e.getMessage()));
        }
        if (attributes.isDirectory()) {
            throw new UsageException("-o " + shown + ": is a directory");
        }
        return new OutputTarget(attributes.isRegularFile() ? Kind.REPLACE : Kind.DIRECT, target, shown);
    }

    /** The path with every symlink at its end followed (a dangling link yields the file it points to). */
    static Path follow(Path path, String shown) throws IOException {
        Path current = path;
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(current)) {
                return current;
            }
            Path parent = current.getParent();
            Path link = Files.readSymbolicLink(current);
            current = parent == null ? link : parent.resolve(link);
        }
        throw new UsageException("-o " + shown + ": too many levels of symbolic links");
    }

    /** The format a file name asks for by its extension (.json, .csv, .md), or null when it asks for none. */
    static Format formatOf(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return Format.JSON;
        }
        if (lower.endsWith(".csv")) {
            return Format.CSV;
        }
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return Format.MARKDOWN;
        }
        return null;
    }
}
