package dev.sysc.probe;

import dev.sysc.os.Bindings;
import dev.sysc.os.FileCalls;
import dev.sysc.os.NativeMemory;
import dev.sysc.os.NativeSequence;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/** Descriptor and path calls, on /dev/zero, /dev/null, or files in sysc's own workspace. */
final class FileProbes {
    static final Path DEV_ZERO = Paths.get("/dev/zero");
    static final Path DEV_NULL = Paths.get("/dev/null");
    private static final int SEEK_SET = 0;
    private static final int F_GETFL = 3;
    private static final int R_OK = 4;
    private static final int STAT_BYTES = 144;

    private FileProbes() {}

    static void register(Map<String, ProbeMaker> m) {
        m.put("read", s -> {
            FileCalls c = calls(s);
            int fd = s.open(DEV_ZERO, Setup.O_RDONLY);
            NativeMemory buf = s.keep(NativeMemory.allocate(1));
            s.natively().call("read", fd, buf.address(), 1);
            return () -> c.read(fd, buf.address(), 1);
        });
        m.put("write", s -> {
            FileCalls c = calls(s);
            int fd = s.open(DEV_NULL, Setup.O_WRONLY);
            NativeMemory buf = s.keep(NativeMemory.allocate(1));
            s.natively().call("write", fd, buf.address(), 1);
            return () -> c.write(fd, buf.address(), 1);
        });
        m.put("pread", s -> {
            FileCalls c = calls(s);
            int fd = s.open(s.workspace().smallFile(), Setup.O_RDONLY);
            NativeMemory buf = s.keep(NativeMemory.allocate(1));
            s.natively().call("pread", fd, buf.address(), 1, 0);
            return () -> c.pread(fd, buf.address(), 1, 0);
        });
        m.put("pwrite", s -> {
            FileCalls c = calls(s);
            int fd = s.open(s.workspace().smallFile(), Setup.O_WRONLY);
            NativeMemory buf = s.keep(NativeMemory.allocate(1));
            s.natively().call("pwrite", fd, buf.address(), 1, 0);
            return () -> c.pwrite(fd, buf.address(), 1, 0);
        });
        m.put("lseek", s -> {
            FileCalls c = calls(s);
            int fd = s.open(s.workspace().smallFile(), Setup.O_RDONLY);
            s.natively().call("lseek", fd, 0, SEEK_SET);
            return () -> c.lseek(fd, 0, SEEK_SET);
        });
        m.put("fstat", s -> {
            FileCalls c = calls(s);
            int fd = s.open(s.workspace().smallFile(), Setup.O_RDONLY);
            NativeMemory st = s.keep(NativeMemory.allocate(STAT_BYTES));
            s.natively().call("fstat", fd, st.address());
            return () -> c.fstat(fd, st.address());
        });
        m.put("fcntl", s -> {
            FileCalls c = calls(s);
            int fd = s.open(DEV_NULL, Setup.O_WRONLY);
            s.natively().call("fcntl", fd, F_GETFL);
            return () -> c.fcntl(fd, F_GETFL);
        });
        m.put("dup_close", s -> {
            FileCalls c = calls(s);
            int fd = s.open(DEV_NULL, Setup.O_WRONLY);
            NativeSequence n = s.natively();
            n.call("close", n.call("dup", fd));
            return () -> {
                int copy = c.dup(fd);
                return copy < 0 ? copy : c.close(copy);
            };
        });
        m.put("open_close", s -> {
            FileCalls c = calls(s);
            NativeMemory path =
                    s.keep(NativeMemory.cString(s.workspace().smallFile().toString()));
            NativeSequence n = s.natively();
            n.call("close", n.call("open", path.address(), Setup.O_RDONLY));
            return () -> {
                int fd = c.open(path.address(), Setup.O_RDONLY);
                return fd < 0 ? fd : c.close(fd);
            };
        });
        m.put("stat", s -> {
            FileCalls c = calls(s);
            NativeMemory path =
                    s.keep(NativeMemory.cString(s.workspace().smallFile().toString()));
            NativeMemory st = s.keep(NativeMemory.allocate(STAT_BYTES));
            s.natively().call("stat", path.address(), st.address());
            return () -> c.stat(path.address(), st.address());
        });
        m.put("lstat", s -> {
            FileCalls c = calls(s);
            NativeMemory path =
                    s.keep(NativeMemory.cString(s.workspace().symlink().toString()));
            NativeMemory st = s.keep(NativeMemory.allocate(STAT_BYTES));
            s.natively().call("lstat", path.address(), st.address());
            return () -> c.lstat(path.address(), st.address());
        });
        m.put("access", s -> {
            FileCalls c = calls(s);
            NativeMemory path =
                    s.keep(NativeMemory.cString(s.workspace().smallFile().toString()));
            s.natively().call("access", path.address(), R_OK);
            return () -> c.access(path.address(), R_OK);
        });
        m.put("readlink", s -> {
            FileCalls c = calls(s);
            NativeMemory path =
                    s.keep(NativeMemory.cString(s.workspace().symlink().toString()));
            NativeMemory buf = s.keep(NativeMemory.allocate(256));
            s.natively().call("readlink", path.address(), buf.address(), 256);
            return () -> c.readlink(path.address(), buf.address(), 256);
        });
    }

    static FileCalls calls(Setup s) {
        return Bindings.file(s.path());
    }

    /** One {@code struct iovec} pointing at {@code bytes} bytes of {@code buf}. */
    static NativeMemory iovec(NativeMemory buf, int bytes) {
        NativeMemory iov = NativeMemory.allocate(16);
        iov.putLong(0, buf.address());
        iov.putLong(8, bytes);
        return iov;
    }
}
