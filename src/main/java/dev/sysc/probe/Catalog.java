package dev.sysc.probe;

import dev.sysc.os.CallPath;
import dev.sysc.os.ResourceTable;
import dev.sysc.text.Untrusted;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The measurable calls, loaded from {@code catalog.tsv}, in catalog order. */
public final class Catalog {
    private static final Catalog BUILT_IN = load();

    private final Map<String, CatalogEntry> entries;

    private Catalog(Map<String, CatalogEntry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    public static Catalog builtIn() {
        return BUILT_IN;
    }

    public List<CatalogEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<CatalogEntry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The categories in catalog order. */
    public List<String> categories() {
        return entries.values().stream().map(CatalogEntry::category).distinct().collect(Collectors.toList());
    }

    /** Every name, then {@code name@path} for each path of each call: what completion offers. */
    public List<String> specs() {
        List<String> specs = new ArrayList<>(entries.keySet());
        for (CatalogEntry e : entries.values()) {
            for (CallPath p : e.paths()) {
                specs.add(e.name() + "@" + p.id());
            }
        }
        return specs;
    }

    /**
     * Resolves {@code NAME[@PATH]}.
     *
     * @throws UnknownCallException naming the closest known names, or the paths the call has
     */
    public CallRef resolve(String spec) {
        int at = spec.indexOf('@');
        String name = at < 0 ? spec : spec.substring(0, at);
        CatalogEntry entry = entries.get(name);
        if (entry == null) {
            List<String> close = Suggestions.closest(name, entries.keySet(), 3);
            String hint = close.isEmpty() ? " (see sysc list)" : " (did you mean " + String.join(", ", close) + "?)";
            throw new UnknownCallException("unknown call '" + Untrusted.shown(name) + "'" + hint);
        }
        if (at < 0) {
            return new CallRef(entry, entry.defaultPath());
        }
        String pathId = spec.substring(at + 1);
        CallPath path = CallPath.byId(pathId);
        if (path == null || !entry.has(path)) {
            String has = entry.paths().stream().map(CallPath::id).collect(Collectors.joining(", "));
            String what = path == null
                    ? "unknown path '" + Untrusted.shown(pathId) + "'"
                    : name + " has no " + pathId + " path";
            throw new UnknownCallException(what + " (" + name + " has: " + has + ")");
        }
        return new CallRef(entry, path);
    }

    private static Catalog load() {
        Map<String, CatalogEntry> map = new LinkedHashMap<>();
        for (String[] row : ResourceTable.rows(Catalog.class, "catalog.tsv")) {
            CatalogEntry e = parse(row);
            map.put(e.name(), e);
        }
        return new Catalog(map);
    }

    static CatalogEntry parse(String line) {
        return parse(line.split("\t"));
    }

    private static CatalogEntry parse(String[] f) {
        if (f.length != 9) {
            throw new IllegalStateException("catalog row needs 9 tab-separated fields: " + String.join("\t", f));
        }
        List<CallPath> paths = Arrays.stream(f[2].split(","))
                .map(id -> {
                    CallPath p = CallPath.byId(id);
                    if (p == null) {
                        throw new IllegalStateException("unknown path " + id + " in catalog row " + f[0]);
                    }
                    return p;
                })
                .collect(Collectors.toList());
        Via via = Via.valueOf(f[3].toUpperCase(Locale.ROOT).replace('-', '_'));
        List<String> syscalls = f[4].equals("-") ? List.of() : List.of(f[4].split(","));
        return new CatalogEntry(f[0], f[1], paths, via, syscalls, Integer.parseInt(f[5]), f[6], f[7], f[8]);
    }
}
