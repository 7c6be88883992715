package dev.sysc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph of ARCHITECTURE.md, checked on the compiled classes (every reference: imports,
 * fully qualified names, signatures, constants), so a rule cannot be dodged by spelling a name out.
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
