package dev.sysc.profile;

import dev.sysc.os.CallPath;
import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.CatalogEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The unit cost of each system call a profile counted: the catalog entry that makes that one call,
 * measured briefly on its syscall path (so it crosses, as the counted calls did), or the bare crossing
 * floor (enosys) for calls no entry makes. Measurements are cached in one file per host and kernel,
 * so a second profile on the same machine measures nothing it has measured before.
 */
public final class UnitCosts {
    /** The catalog entry whose cost is the floor: a system call number the kernel does not have. */
    static final String FLOOR_ENTRY = "enosys";

    private static final String FLOOR_KEY = "(floor)";

    /** Measures catalog calls; the answer maps {@link CallRef#id()} to net ns per call, leaving out failures. */
    @FunctionalInterface
    public interface Measurer {
        Map<String, Double> measure(List<CallRef> calls);
    }

    /** The unit costs of a profile's system calls and the floor beside them. */
    public record Table(double floorNs, Map<String, UnitCost> bySyscall) {
        public Table {
            bySyscall = Map.copyOf(bySyscall);
        }

        public UnitCost of(String syscall) {
            return bySyscall.getOrDefault(syscall, new UnitCost(floorNs, UnitCost.FLOOR));
        }
    }

    private final Catalog catalog;
    private final Measurer measurer;
    private final Path cacheFile;
    /** What this instance measured, also when there is no cache file or it cannot be written. */
    private final Map<String, Double> known = new TreeMap<>();

    /**
     * @param cacheFile where this host's and kernel's costs are kept; null for none
     */
    public UnitCosts(Catalog catalog, Measurer measurer, Path cacheFile) {
        this.catalog = catalog;
        this.measurer = measurer;
        this.cacheFile = cacheFile;
    }

    /** The cache file for a host and kernel under {@code dir} ($XDG_CACHE_HOME/sysc). */
    public static Path cacheFile(Path dir, String hostname, String kernel) {
        return dir.resolve("unit-costs-" + safe(hostname) + "-" + safe(kernel) + ".tsv");
    }

    private static String safe(String s) {
        return (s == null || s.isEmpty() ? "unknown" : s).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The catalog call whose cost stands for {@code syscall}: an entry that makes that one call and nothing else. */
    public Optional<CallRef> callFor(String syscall) {
        CatalogEntry best = null;
        for (CatalogEntry e : catalog.entries()) {
            if (e.syscalls().equals(List.of(syscall))
                    && (best == null || e.name().equals(syscall))) {
                best = e;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new CallRef(best, best.has(CallPath.SYSCALL) ? CallPath.SYSCALL : best.defaultPath()));
    }

    /**
     * Measures, before anything is counted, every catalog call that stands for a system call and the
     * floor, where the cache does not hold them yet (the first profile on a host and kernel).
     *
     * <p>It must come first: while any perf event is open on a syscall tracepoint, the kernel sends
     * every system call of every process through its slow entry path (syscall_trace_enter), and the
     * unit costs would include that.
     */
    public void prepare() {
        Map<String, Double> cached = readCache();
        Map<String, CallRef> wanted = new LinkedHashMap<>();
        for (CatalogEntry e : catalog.entries()) {
            if (e.syscalls().size() == 1) {
                callFor(e.syscalls().get(0))
                        .filter(c -> !cached.containsKey(key(c)))
                        .ifPresent(c -> wanted.put(key(c), c));
            }
        }
        if (!cached.containsKey(FLOOR_KEY)) {
            wanted.put(FLOOR_KEY, new CallRef(catalog.find(FLOOR_ENTRY).orElseThrow(), CallPath.SYSCALL));
        }
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, Double> measured = measurer.measure(new ArrayList<>(wanted.values()));
        wanted.forEach((k, call) -> {
            Double ns = measured.get(call.id());
            if (ns != null) {
                cached.put(k, ns);
            }
        });
        writeCache(cached);
    }

    /**
     * The unit costs of {@code syscalls} from what {@link #prepare} measured; a call no entry makes, or
     * whose entry could not be measured, costs the floor.
     */
    public Table costs(Collection<String> syscalls) {
        Map<String, Double> cached = readCache();
        double floor = cached.getOrDefault(FLOOR_KEY, Double.NaN);
        Map<String, UnitCost> by = new TreeMap<>();
        for (String s : syscalls) {
            Optional<CallRef> call = callFor(s);
            if (call.isPresent() && cached.containsKey(key(call.get()))) {
                by.put(
                        s,
                        new UnitCost(
                                cached.get(key(call.get())),
                                "measured:" + call.get().name()));
            }
        }
        return new Table(floor, by);
    }

    private static String key(CallRef call) {
        return call.id();
    }

    private Map<String, Double> readCache() {
        Map<String, Double> m = new TreeMap<>();
        if (cacheFile == null || !Files.isRegularFile(cacheFile)) {
            m.putAll(known);
            return m;
        }
        try {
            for (String line : Files.readAllLines(cacheFile, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length == 2 && !line.startsWith("#")) {
                    m.put(f[0], Double.parseDouble(f[1]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // A damaged cache is measured again and rewritten.
            m.clear();
        }
        m.putAll(known);
        return m;
    }

    private void writeCache(Map<String, Double> costs) {
        known.putAll(costs);
        if (cacheFile == null) {
            return;
        }
        StringBuilder sb =
                new StringBuilder("# sysc profile: net ns per call of catalog calls on this host and kernel\n");
        costs.forEach((k, v) -> sb.append(k)
                .append('\t')
                .append(String.format(Locale.ROOT, "%.3f", v))
                .append('\n'));
        try {
            Files.createDirectories(cacheFile.getParent());
            Path tmp = Files.createTempFile(cacheFile.getParent(), ".unit-costs", ".tmp");
            Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Without a cache the next profile measures again; this one is not worse for it.
        }
    }
}
