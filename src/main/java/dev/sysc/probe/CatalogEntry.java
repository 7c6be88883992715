package dev.sysc.probe;

import dev.sysc.os.CallPath;
import java.util.List;

/**
 * One measurable call, as the catalog resource describes it.
 *
 * @param syscalls  the system calls one invocation makes, in order (empty for ffi-noop and enosys)
 * @param crossings kernel entries per invocation when the call crosses
 */
public record CatalogEntry(
        String name,
        String category,
        List<CallPath> paths,
        Via via,
        List<String> syscalls,
        int crossings,
        String setup,
        String explainId,
        String summary) {
    public CatalogEntry {
        paths = List.copyOf(paths);
        syscalls = List.copyOf(syscalls);
    }

    /** The path taken when none is named: libc where the call has it. */
    public CallPath defaultPath() {
        return paths.get(0);
    }

    public boolean has(CallPath path) {
        return paths.contains(path);
    }

    /** The names of the paths the call can be made by, the default first. */
    public List<String> pathIds() {
        return paths.stream().map(CallPath::id).toList();
    }

    /** Whether the call can be made by the path named {@code id} (libc, syscall, vdso, raw, vsyscall). */
    public boolean hasPath(String id) {
        CallPath path = CallPath.byId(id);
        return path != null && paths.contains(path);
    }

    /**
     * Whether invoking this call by {@code path} enters the kernel on a machine where the vDSO can
     * (or cannot) read the clock.
     */
    public boolean crossesKernel(CallPath path, boolean vdsoClockUsable) {
        if (path == CallPath.SYSCALL || path == CallPath.RAW || path == CallPath.VSYSCALL) {
            return true;
        }
        switch (via) {
            case NONE:
                return false;
            case VDSO:
                return false;
            case VDSO_CLOCK:
                return !vdsoClockUsable;
            default:
                return true;
        }
    }
}
