package dev.sysc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph of ARCHITECTURE.md, checked on the compiled classes (every reference: imports,
 * fully qualified names, signatures), so a rule cannot be dodged by spelling a name out; and on the
 * sources too, because javac copies a constant's value into the class that uses it and leaves no
 * reference behind (cli once read SeccompFilter.MAX_INSTRUCTIONS from os that way).
 */
@org.junit.jupiter.api.Tag("slow")
class DependencyRulesTest {
    /**
     * Each package and the sysc packages it may use; the graph is a DAG (checked below as well).
     * "" is the root package: Main, which wires cli and shell together.
     */
    static final Map<String, List<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("", List.of("cli", "shell", "tour", "exit"));
        ALLOWED.put("shell", List.of("tour"));
        ALLOWED.put(
                "cli",
                List.of(
                        "bench", "batch", "probe", "compare", "explain", "tour", "profile", "report", "host", "stats",
                        "text", "exit"));
        ALLOWED.put(
                "report",
                List.of("bench", "batch", "compare", "explain", "profile", "probe", "host", "stats", "text", "exit"));
        ALLOWED.put("profile", List.of("probe", "os", "host", "exit"));
        ALLOWED.put("batch", List.of("bench", "probe", "os", "host", "stats", "text", "exit"));
        ALLOWED.put("bench", List.of("probe", "os", "explain", "host", "stats", "exit"));
        ALLOWED.put("compare", List.of("bench", "host", "stats", "text", "exit"));
        ALLOWED.put("tour", List.of());
        ALLOWED.put("probe", List.of("os", "text", "exit"));
        ALLOWED.put("os", List.of("host", "exit"));
        ALLOWED.put("explain", List.of("host"));
        ALLOWED.put("stats", List.of());
        ALLOWED.put("host", List.of());
        ALLOWED.put("text", List.of());
        ALLOWED.put("exit", List.of());
    }

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sysc");
    }

    private static String pkg(String name) {
        return name.isEmpty() ? "dev.sysc" : "dev.sysc." + name + "..";
    }

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() {
        for (Map.Entry<String, List<String>> e : ALLOWED.entrySet()) {
            List<String> others = new ArrayList<>();
            for (String p : ALLOWED.keySet()) {
                if (!p.equals(e.getKey()) && !e.getValue().contains(p) && !p.isEmpty()) {
                    others.add(pkg(p));
                }
            }
            if (!e.getKey().isEmpty()) {
                others.add("dev.sysc"); // nobody below the root uses Main
            }
            noClasses()
                    .that()
                    .resideInAPackage(pkg(e.getKey()))
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others.toArray(new String[0]))
                    .because("ARCHITECTURE.md: " + (e.getKey().isEmpty() ? "the root" : e.getKey()) + " uses only "
                            + e.getValue())
                    .check(main);
        }
    }

    @Test
    void everySourceNamesOnlyThePackagesBelowIt() throws IOException {
        Pattern named = Pattern.compile("dev\\.sysc\\.([a-z]+)\\.");
        Path root = Path.of("src/main/java/dev/sysc");
        List<String> broken = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                Path dir = root.relativize(file.getParent());
                String own = dir.getNameCount() == 0 || dir.toString().isEmpty()
                        ? ""
                        : dir.getName(0).toString();
                Matcher m = named.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(own)
                            && ALLOWED.containsKey(used)
                            && !ALLOWED.get(own).contains(used)) {
                        broken.add(root.relativize(file) + " names " + used);
                    }
                }
            }
        }
        assertThat(broken)
                .as("sources naming a package ARCHITECTURE.md does not allow")
                .isEmpty();
    }

    @Test
    void everyPackageIsListed() {
        classes()
                .should()
                .resideInAnyPackage(
                        ALLOWED.keySet().stream().map(DependencyRulesTest::pkg).toArray(String[]::new))
                .because("a new package needs its place in the graph (ALLOWED and ARCHITECTURE.md)")
                .check(main);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.sysc.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void onlyOsTouchesTheNativeLibraries() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.sysc.os..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jnr..", "com.kenai..")
                .check(main);
    }

    @Test
    void onlyTheCommandLayerUsesPicocliAndOnlyTheShellUsesJline() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.sysc.cli..", "dev.sysc.shell..", "dev.sysc")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("picocli..")
                .check(main);
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.sysc.shell..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jline.reader..", "org.jline.terminal..", "org.jline.builtins..")
                .check(main);
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.sysc.report..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jline.jansi..")
                .because("colours are the renderers' business")
                .check(main);
    }
}
