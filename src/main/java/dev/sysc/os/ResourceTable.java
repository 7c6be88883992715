package dev.sysc.os;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The tab-separated tables sysc keeps its knowledge in, read from resources beside a class. */
public final class ResourceTable {
    private ResourceTable() {}

    /**
     * The rows of resource {@code name} next to {@code owner}, each split at tabs; blank lines and
     * lines starting with {@code #} are skipped. A missing resource is a broken build, not input.
     */
    public static List<String[]> rows(Class<?> owner, String name) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
