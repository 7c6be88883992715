package dev.sysc.os;

import dev.sysc.host.HostInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Reads a {@link HostInfo} from the proc and sys files under a root directory, never failing on a missing file. */
public final class HostReader {

    private static final Path LIVE_ROOT = Path.of("/");

    private final Path root;
    private final boolean live;

    public HostReader(Path root) {
        this.root = Objects.requireNonNull(root, "root");
        this.live = isLiveRoot(root);
    }

    /** A reader for the machine this JVM runs on. */
    public static HostReader live() {
        return new HostReader(LIVE_ROOT);
    }

    public HostInfo read() {
        Optional<String> cpuinfo = text("proc/cpuinfo");
        Optional<String> cmdline = text("proc/cmdline").map(String::trim);
        Optional<String> maps = text("proc/self/maps");

        List<String> allFlags = cpuinfo.flatMap(c -> cpuinfoField(c, "flags"))
                .map(f -> List.of(f.trim().split("\\s+")))
                .orElse(List.of());
        Set<String> present = new HashSet<>(allFlags);
        List<String> flags = new ArrayList<>();
        for (String flag : HostInfo.SYSCALL_RELEVANT_FLAGS) {
            if (present.contains(flag)) {
                flags.add(flag);
            }
        }

        return new HostInfo(
                line("proc/sys/kernel/hostname"),
                line("proc/sys/kernel/osrelease"),
                arch(),
                cpuinfo.flatMap(c -> cpuinfoField(c, "model name")).orElse(null),
                cpus(cpuinfo),
                line("sys/devices/system/clocksource/clocksource0/current_clocksource"),
                virtualized(cpuinfo.isPresent(), present),
                cmdline.orElse(null),
                flags,
                vulnerabilities(),
                seccomp(),
                line("sys/devices/system/cpu/smt/control"),
                maps.map(m -> hasMapping(m, "[vdso]")).orElse(false),
                vsyscall(cmdline, maps),
                statusField("Speculation_Store_Bypass"),
                statusField("SpeculationIndirectBranch"));
    }

    private String arch() {
        String arch = line("proc/sys/kernel/arch");
        if (arch == null && live) {
            // Older kernels lack /proc/sys/kernel/arch; the JVM's name differs only for x86-64.
            arch = System.getProperty("os.arch", "");
            if (arch.equals("amd64")) {
                arch = "x86_64";
            }
        }
        return arch;
    }

    private int cpus(Optional<String> cpuinfo) {
        int count = 0;
        if (cpuinfo.isPresent()) {
            for (String l : cpuinfo.get().split("\n")) {
                if (key(l).equals("processor")) {
                    count++;
                }
            }
        }
        if (count == 0 && live) {
            count = Runtime.getRuntime().availableProcessors();
        }
        return count;
    }

    private Boolean virtualized(boolean cpuinfoRead, Set<String> flags) {
        if (flags.contains("hypervisor") || line("sys/hypervisor/type") != null) {
            return true;
        }
        return cpuinfoRead ? Boolean.FALSE : null;
    }

    private Map<String, String> vulnerabilities() {
        Map<String, String> result = new TreeMap<>();
        Path dir = resolve("sys/devices/system/cpu/vulnerabilities");
        if (dir == null || !Files.isDirectory(dir)) {
            return result;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    read(entry).ifPresent(v -> result.put(entry.getFileName().toString(), v.trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Keep whatever was read before the listing failed.
        }
        return result;
    }

    private String seccomp() {
        Optional<String> status = text("proc/self/status");
        if (status.isEmpty()) {
            return null;
        }
        for (String l : status.get().split("\n")) {
            if (key(l).equals("Seccomp")) {
                switch (value(l)) {
                    case "0":
                        return "disabled";
                    case "1":
                        return "strict";
                    case "2":
                        return "filter";
                    default:
                        return null;
                }
            }
        }
        return null;
    }

    /** A field of /proc/self/status, or null when the kernel does not report it. */
    private String statusField(String name) {
        Optional<String> status = text("proc/self/status");
        if (status.isEmpty()) {
            return null;
        }
        for (String l : status.get().split("\n")) {
            if (key(l).equals(name)) {
                String v = value(l);
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private static String vsyscall(Optional<String> cmdline, Optional<String> maps) {
        String fromCmdline = null;
        if (cmdline.isPresent()) {
            for (String arg : cmdline.get().split("\\s+")) {
                if (arg.equals("--")) {
                    break; // what follows goes to init, not to the kernel
                }
                // The kernel applies parameters in order, so the last one wins.
                if (arg.startsWith("vsyscall=") && arg.length() > "vsyscall=".length()) {
                    fromCmdline = arg.substring("vsyscall=".length()).toLowerCase(Locale.ROOT);
                }
            }
        }
        if (fromCmdline != null) {
            return fromCmdline;
        }
        return maps.map(m -> hasMapping(m, "[vsyscall]") ? "mapped" : "none").orElse(null);
    }

    private static boolean hasMapping(String maps, String name) {
        for (String l : maps.split("\n")) {
            if (l.trim().endsWith(name)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> cpuinfoField(String cpuinfo, String name) {
        for (String l : cpuinfo.split("\n")) {
            if (key(l).equals(name)) {
                String v = value(l);
                return v.isEmpty() ? Optional.empty() : Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static String key(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(0, colon).trim();
    }

    private static String value(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1).trim();
    }

    /** The trimmed content of a file, or null when it is missing, unreadable or blank. */
    private String line(String relative) {
        return text(relative).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }

    private Optional<String> text(String relative) {
        Path p = resolve(relative);
        return p == null ? Optional.empty() : read(p);
    }

    private static Optional<String> read(Path p) {
        try {
            // readAllBytes copes with proc files that report a size of zero, and decoding
            // this way replaces malformed bytes instead of throwing.
            return Optional.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Path resolve(String relative) {
        try {
            return root.resolve(relative);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isLiveRoot(Path root) {
        try {
            return root.toAbsolutePath().normalize().equals(LIVE_ROOT);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
