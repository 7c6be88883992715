package dev.sysc.os;

import java.util.function.Supplier;

/**
 * Hands out each family of calls for a {@link CallPath}, binding each native interface the first time
 * it is asked for and never again.
 */
public final class Bindings {
    private static final Lazy<NoopCalls> NOOP = new Lazy<>(() -> Native.libc(NoopCalls.class));
    private static final Lazy<Syscalls> SYSCALLS = new Lazy<>(() -> Native.libc(Syscalls.class));
    private static final Lazy<ProcessCalls> PROCESS = new Lazy<>(() -> Native.libc(ProcessCalls.class));
    private static final Lazy<TimeCalls> TIME = new Lazy<>(() -> Native.libc(TimeCalls.class));
    private static final Lazy<TimeCalls> VDSO_TIME = new Lazy<>(() -> Native.vdso(TimeCalls.class));
    private static final Lazy<FileCalls> FILE = new Lazy<>(() -> Native.libc(FileCalls.class));
    private static final Lazy<MemoryCalls> MEMORY = new Lazy<>(() -> Native.libc(MemoryCalls.class));
    private static final Lazy<IpcCalls> IPC = new Lazy<>(() -> Native.libc(IpcCalls.class));
    private static final Lazy<ChildCalls> CHILD = new Lazy<>(() -> Native.libc(ChildCalls.class));
    private static final Lazy<ProfileCalls> PROFILE = new Lazy<>(() -> Native.libc(ProfileCalls.class));

    private Bindings() {}

    public static NoopCalls noop() {
        return NOOP.get();
    }

    public static Syscalls syscalls() {
        return SYSCALLS.get();
    }

    public static ProcessCalls process(CallPath path) {
        return path == CallPath.SYSCALL ? new SyscallProcessCalls(syscalls()) : PROCESS.get();
    }

    public static TimeCalls time(CallPath path) {
        switch (path) {
            case SYSCALL:
                return new SyscallTimeCalls(syscalls());
            case VDSO:
                return VDSO_TIME.get();
            default:
                return TIME.get();
        }
    }

    public static FileCalls file(CallPath path) {
        return path == CallPath.SYSCALL ? new SyscallFileCalls(syscalls()) : FILE.get();
    }

    public static MemoryCalls memory(CallPath path) {
        return path == CallPath.SYSCALL ? new SyscallMemoryCalls(syscalls()) : MEMORY.get();
    }

    public static IpcCalls ipc(CallPath path) {
        return path == CallPath.SYSCALL ? new SyscallIpcCalls(syscalls()) : IPC.get();
    }

    /** Processes, threads and signal handlers: through libc only. */
    public static ChildCalls child() {
        return CHILD.get();
    }

    static ProfileCalls profile() {
        return PROFILE.get();
    }

    /** A value computed on first use, once, even when several threads ask at the same moment. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> init;
        private volatile T value;

        Lazy(Supplier<T> init) {
            this.init = init;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = init.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
