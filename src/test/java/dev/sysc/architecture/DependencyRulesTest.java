package dev.sysc.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md's architecture, checked on the imports of the main sources. */
class DependencyRulesTest {
    private static final Path MAIN = Paths.get("src/main/java/dev/sysc");

    /** "package:import" for every import line of the main sources. */
    private static List<String> imports() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f.getParent()).toString();
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import ")) {
                        found.add((pkg.isEmpty() ? "." : pkg) + ":" + line.substring(7).replace(";", "").trim()
                                + "  (" + MAIN.relativize(f) + ")");
                    }
                }
            }
        }
        return found;
    }

    private static List<String> offending(String importPrefix, List<String> allowedPackages) throws IOException {
        return imports().stream()
                .filter(i -> i.substring(i.indexOf(':') + 1).startsWith(importPrefix))
                .filter(i -> !allowedPackages.contains(i.substring(0, i.indexOf(':'))))
                .toList();
    }

    @Test
    void onlyOsTouchesJnr() throws IOException {
        assertThat(offending("jnr.", List.of("os"))).isEmpty();
    }

    @Test
    void onlyCliAndShellUsePicocli() throws IOException {
        assertThat(offending("picocli.", List.of("cli", "shell"))).isEmpty();
    }

    @Test
    void onlyTheShellUsesJlineAndOnlyReportsUseAnsi() throws IOException {
        assertThat(offending("org.jline.reader", List.of("shell"))).isEmpty();
        assertThat(offending("org.jline.terminal", List.of("shell"))).isEmpty();
        assertThat(offending("org.jline.builtins", List.of("shell"))).isEmpty();
        assertThat(offending("org.jline.jansi", List.of("report"))).isEmpty();
    }

    @Test
    void statsHostAndTextDependOnNothingOfSysc() throws IOException {
        assertThat(imports()).filteredOn(i -> i.startsWith("stats:") || i.startsWith("host:") || i.startsWith("text:"))
                .noneMatch(i -> i.contains(":dev.sysc."));
    }

    @Test
    void reportsAndExplanationsNeverReachTheOperatingSystem() throws IOException {
        assertThat(imports()).filteredOn(i -> i.startsWith("report:") || i.startsWith("explain:"))
                .noneMatch(i -> i.contains(":dev.sysc.os.") || i.contains(":jnr."));
    }
}
