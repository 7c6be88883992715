package dev.sysc.os;

import java.util.HashMap;
import java.util.Map;

/** The x86-64 system call numbers sysc uses, read from the table in resources. */
public final class SyscallNumbers {
    private static final Map<String, Integer> NUMBERS = load("syscalls-x86_64.tsv");

    private SyscallNumbers() {}

    /** The number of {@code name}; fails loudly on a name missing from the table (a bug, not input). */
    public static int of(String name) {
        Integer nr = NUMBERS.get(name);
        if (nr == null) {
            throw new IllegalArgumentException("no x86-64 syscall number for " + name);
        }
        return nr;
    }

    private static Map<String, Integer> load(String resource) {
        Map<String, Integer> map = new HashMap<>();
        for (String[] f : ResourceTable.rows(SyscallNumbers.class, resource)) {
            map.put(f[0], Integer.parseInt(f[1].trim()));
        }
        return Map.copyOf(map);
    }
}
