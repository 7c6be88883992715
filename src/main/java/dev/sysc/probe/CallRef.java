package dev.sysc.probe;

import dev.sysc.os.CallPath;

/** A catalog call and the path chosen for it: what {@code NAME[@PATH]} on the command line means. */
public record CallRef(CatalogEntry entry, CallPath path) {
    public String name() {
        return entry.name();
    }

    /** The path's name (libc, syscall, vdso, raw, vsyscall), for code that shows it rather than uses it. */
    public String pathId() {
        return path.id();
    }

    /** {@code name@path}, the key results are matched by. */
    public String id() {
        return entry.name() + "@" + path.id();
    }
}
