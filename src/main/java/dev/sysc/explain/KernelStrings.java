package dev.sysc.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The exact strings the kernel prints in /sys/devices/system/cpu/vulnerabilities (sysfs-strings.tsv),
 * and the reading of one status against them. A status is one known leading string followed by
 * known parts, each after "; " or ", "; anything else is not understood, and sysc says so instead of
 * guessing from a substring.
 */
public final class KernelStrings {
    /** Every file may print these (the {@code *} rows). */
    static final String ANY_FILE = "*";

    /** One row of the table. */
    public record Known(String file, boolean part, String text, Set<String> tags, String source) {
        public Known {
            tags = Set.copyOf(tags);
        }
    }

    /**
     * What a status says, as far as sysc understands it.
     *
     * @param state      the leading string, or null when none of the known ones matches
     * @param tags       what the known state and parts put on the path (see sysfs-strings.tsv)
     * @param notUnderstood the text after the last understood piece, empty when all is understood
     * @param ambiguous  the state is known but does not say which of several mitigations runs
     */
    public record Reading(
            String file, String raw, String state, Set<String> tags, String notUnderstood, boolean ambiguous) {
        public Reading {
            tags = Set.copyOf(tags);
        }

        /** Whether every piece of the status is a string sysc knows. */
        public boolean understood() {
            return state != null && notUnderstood.isEmpty();
        }

        /** Whether any tag of {@code group} ("bhi") was read. */
        public boolean hasGroup(String group) {
            return tags.stream().anyMatch(t -> t.startsWith(group + ":"));
        }
    }

    private static final KernelStrings BUILT_IN = load();

    private final Map<String, List<Known>> byFile;

    KernelStrings(List<Known> rows) {
        Map<String, List<Known>> map = new TreeMap<>();
        for (Known k : rows) {
            map.computeIfAbsent(k.file(), f -> new ArrayList<>()).add(k);
        }
        // Longest first, so "Vulnerable: LFENCE" wins over "Vulnerable" and "BHI: Vulnerable, KVM:
        // SW loop" over "BHI: Vulnerable".
        map.values()
                .forEach(l -> l.sort(
                        Comparator.comparingInt((Known k) -> k.text().length()).reversed()));
        this.byFile = map;
    }

    public static KernelStrings builtIn() {
        return BUILT_IN;
    }

    private static KernelStrings load() {
        List<Known> rows = new ArrayList<>();
        for (String[] f : KnowledgeBase.rows("sysfs-strings.tsv", 5)) {
            if (!f[1].equals("state") && !f[1].equals("part")) {
                throw new IllegalStateException("sysfs-strings.tsv: kind must be state or part: " + f[1]);
            }
            Set<String> tags = f[3].equals("-") ? Set.of() : Set.of(f[3].split(","));
            rows.add(new Known(f[0], f[1].equals("part"), f[2], tags, f[4]));
        }
        return new KernelStrings(rows);
    }

    /** The files the table has strings for, without {@code *}. */
    public Set<String> files() {
        Set<String> out = new LinkedHashSet<>(byFile.keySet());
        out.remove(ANY_FILE);
        return out;
    }

    public List<Known> rows(String file) {
        List<Known> out = new ArrayList<>(byFile.getOrDefault(file, List.of()));
        out.addAll(byFile.getOrDefault(ANY_FILE, List.of()));
        out.sort(Comparator.comparingInt((Known k) -> k.text().length()).reversed());
        return out;
    }

    /** Reads {@code status} of {@code file} against the known strings. */
    public Reading read(String file, String status) {
        String s = status.strip();
        List<Known> known = rows(file);
        Known state = null;
        for (Known k : known) {
            if (!k.part()
                    && s.startsWith(k.text())
                    && boundary(s.substring(k.text().length()))) {
                state = k;
                break;
            }
        }
        if (state == null) {
            return new Reading(file, status, null, Set.of(), s, false);
        }
        Set<String> tags = new LinkedHashSet<>(state.tags());
        boolean ambiguous = tags.remove("?");
        String rest = s.substring(state.text().length());
        while (!rest.isEmpty()) {
            Known part = null;
            for (String sep : List.of("; ", ", ", "")) {
                if (!rest.startsWith(sep)) {
                    continue;
                }
                String after = rest.substring(sep.length());
                for (Known k : known) {
                    if (k.part()
                            && after.startsWith(k.text())
                            && boundary(after.substring(k.text().length()))) {
                        part = k;
                        rest = after.substring(k.text().length());
                        break;
                    }
                }
                if (part != null) {
                    break;
                }
            }
            if (part == null) {
                break;
            }
            tags.addAll(part.tags());
        }
        return new Reading(file, status, state.text(), tags, rest.strip(), ambiguous);
    }

    /** A known piece must end where the status ends or where the next piece begins. */
    private static boolean boundary(String after) {
        return after.isEmpty() || after.startsWith("; ") || after.startsWith(", ") || after.startsWith(" - ");
    }
}
