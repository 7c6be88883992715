package dev.sysc.compare;

import dev.sysc.host.HostInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The host differences that can explain a change in syscall cost. */
public final class HostDifferences {
    private static final List<String> SWITCHES = loadSwitches();
    private static final String ABSENT = "(not set)";

    private HostDifferences() {}

    public static List<HostDifference> between(HostInfo a, HostInfo b) {
        List<HostDifference> out = new ArrayList<>();
        add(out, "kernel", a.kernel(), b.kernel());
        add(out, "cpu_model", a.cpuModel(), b.cpuModel());
        add(out, "cpus", String.valueOf(a.cpus()), String.valueOf(b.cpus()));
        add(out, "clocksource", a.clocksource(), b.clocksource());
        add(out, "virtualized", String.valueOf(a.virtualized()), String.valueOf(b.virtualized()));
        Map<String, String> sa = switches(a.cmdline());
        Map<String, String> sb = switches(b.cmdline());
        for (String key : SWITCHES) {
            add(out, "cmdline." + key, sa.getOrDefault(key, ABSENT), sb.getOrDefault(key, ABSENT));
        }
        TreeSet<String> vulns = new TreeSet<>(a.vulnerabilities().keySet());
        vulns.addAll(b.vulnerabilities().keySet());
        for (String v : vulns) {
            add(
                    out,
                    "vulnerabilities." + v,
                    a.vulnerabilities().getOrDefault(v, ABSENT),
                    b.vulnerabilities().getOrDefault(v, ABSENT));
        }
        return out;
    }

    /**
     * The mitigation-related switches on a kernel command line, name → value ("" for a bare flag such
     * as {@code nopti}). Words after {@code --} belong to init, not the kernel, and are ignored.
     */
    static Map<String, String> switches(String cmdline) {
        Map<String, String> found = new LinkedHashMap<>();
        if (cmdline == null || cmdline.equals(HostInfo.UNKNOWN)) {
            return found;
        }
        for (String word : cmdline.trim().split("\\s+")) {
            if (word.equals("--")) {
                break;
            }
            int eq = word.indexOf('=');
            String key = eq < 0 ? word : word.substring(0, eq);
            if (SWITCHES.contains(key)) {
                found.put(key, eq < 0 ? "(set)" : dev.sysc.text.Untrusted.shown(word.substring(eq + 1)));
            }
        }
        return found;
    }

    private static void add(List<HostDifference> out, String key, String a, String b) {
        if (!Objects.equals(a, b)) {
            out.add(new HostDifference(key, a, b));
        }
    }

    private static List<String> loadSwitches() {
        List<String> names = new ArrayList<>();
        try (InputStream in = HostDifferences.class.getResourceAsStream("/dev/sysc/compare/mitigation-switches.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource mitigation-switches.txt");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(names);
    }
}
