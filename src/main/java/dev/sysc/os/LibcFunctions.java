package dev.sysc.os;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What each libc function the probes call returns and which system call it makes: {@code libc-functions.tsv}. */
final class LibcFunctions {
    /**
     * One row: the function, whether it returns a C int, whether that int is 0 or an error number
     * (pthread_create, posix_spawn: errno is left alone), and its system call (null for none) with
     * argument templates.
     */
    record Function(
            String name, boolean returnsInt, boolean returnsErrorNumber, String syscall, List<String> arguments) {}

    private static final Map<String, Function> TABLE = load();

    private LibcFunctions() {}

    /** The row for {@code name}; a missing one is a bug in a probe, not user input. */
    static Function of(String name) {
        Function f = TABLE.get(name);
        if (f == null) {
            throw new IllegalArgumentException("libc-functions.tsv has no row for " + name);
        }
        return f;
    }

    private static Map<String, Function> load() {
        Map<String, Function> map = new HashMap<>();
        for (String[] f : ResourceTable.rows(LibcFunctions.class, "libc-functions.tsv")) {
            String syscall = f.length < 3 || f[2].equals("-") ? null : f[2];
            List<String> args = f.length < 4 || f[3].isBlank()
                    ? List.of()
                    : List.of(f[3].trim().split(" "));
            map.put(
                    f[0],
                    new Function(
                            f[0], f[1].equals("int") || f[1].equals("errno"), f[1].equals("errno"), syscall, args));
        }
        return Map.copyOf(map);
    }
}
