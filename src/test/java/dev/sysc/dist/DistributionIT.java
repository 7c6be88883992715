package dev.sysc.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped archive, as a user gets it (run by failsafe after {@code package}): unpacked far from the
 * source tree, installed with install.sh into a temporary prefix, and run with a PATH that has java
 * and the few tools a shell script needs, but no Maven.
 */
class DistributionIT {
    /** What the launcher and install.sh call; everything else is a shell builtin. */
    private static final List<String> TOOLS =
            List.of("bash", "env", "readlink", "dirname", "basename", "stat", "mkdir", "rm", "rmdir", "install", "ln");

    @TempDir
    static Path work;

    static Path unpacked;
    static Path prefix;
    static Path tools;

    @BeforeAll
    static void unpackAndInstall() throws Exception {
        Path archive = Paths.get(System.getProperty("sysc.dist.archive", "target/sysc.tar.gz"));
        assertThat(archive).as("mvn package makes the archive").exists();
        unpacked = Files.createDirectories(work.resolve("unpacked"));
        run(Map.of(), "tar", "xzf", archive.toAbsolutePath().toString(), "-C", unpacked.toString());
        try (var dirs = Files.list(unpacked)) {
            unpacked = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        // Outside the @TempDir: JUnit warns about every link it deletes that points out of its directory.
        tools = Files.createTempDirectory("sysc-it-tools");
        for (String tool : TOOLS) {
            for (String dir : new String[] {"/usr/bin", "/bin"}) {
                Path p = Paths.get(dir, tool);
                if (Files.isExecutable(p) && !Files.exists(tools.resolve(tool))) {
                    Files.createSymbolicLink(tools.resolve(tool), p);
                }
            }
        }
        Files.createSymbolicLink(tools.resolve("java"), Paths.get(System.getProperty("java.home"), "bin", "java"));
        prefix = work.resolve("prefix");
        Result r = run(
                userEnvironment(), "bash", unpacked.resolve("install.sh").toString(), "--prefix", prefix.toString());
        assertThat(r.code).as(r.out).isZero();
    }

    @AfterAll
    static void removeTools() throws IOException {
        try (var links = Files.list(tools)) {
            for (Path link : (Iterable<Path>) links::iterator) {
                Files.delete(link);
            }
        }
        Files.delete(tools);
    }

    /** A user's environment: PATH with java but no mvn, a home of its own. */
    private static Map<String, String> userEnvironment() {
        return Map.of("PATH", tools.toString(), "HOME", work.resolve("home").toString(), "LANG", "C.UTF-8");
    }

    @Test
    void theArchiveHoldsTheLauncherTheJarsTheManPagesAndTheCompletions() throws IOException {
        assertThat(unpacked.resolve("bin/sysc")).isExecutable();
        assertThat(unpacked.resolve("install.sh")).isExecutable();
        assertThat(unpacked.resolve("lib/sysc.jar")).exists();
        assertThat(unpacked.resolve("man/man1/sysc.1")).exists();
        assertThat(unpacked.resolve("man/man1/sysc-measure.1")).exists();
        assertThat(unpacked.resolve("completions/sysc.bash")).exists();
        assertThat(unpacked.resolve("completions/_sysc")).exists();
        assertThat(unpacked.resolve("README.md")).exists();
        assertThat(unpacked.resolve("LICENSE")).exists();
        assertThat(tools.resolve("mvn")).doesNotExist();
    }

    @Test
    void onlyCommandsThatMeasureNothingRunWithoutTheOptimizingCompiler() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(userEnvironment());
        env.put("SYSC_DRY_RUN", "1");
        String launcher = prefix.resolve("bin/sysc").toString();
        String c1Only = "-XX:TieredStopAtLevel=1";
        for (List<String> quick : List.of(
                List.of("list"),
                List.of("--version"),
                List.of("help", "measure"),
                List.of("explain", "getpid", "--no-measure"),
                List.of("explain", "--from", "a.json"))) {
            Result r = run(env, concat(launcher, quick));
            assertThat(r.code).as(r.out).isZero();
            assertThat(r.out.lines()).as("%s", quick).contains(c1Only);
        }
        for (List<String> measuring : List.of(
                List.of("measure", "getpid"),
                List.of("compare", "getpid", "enosys"),
                List.of("explain", "getpid"),
                List.of("explain", "mitigations", "--measure"),
                List.of("batch", "write"),
                List.of("measure", "list"))) {
            Result r = run(env, concat(launcher, measuring));
            assertThat(r.code).as(r.out).isZero();
            assertThat(r.out.lines()).as("%s", measuring).isNotEmpty().doesNotContain(c1Only);
        }
    }

    private static String[] concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray(new String[0]);
    }

    @Test
    void noClassIsShippedTwice() throws IOException {
        java.util.Map<String, String> firstJar = new java.util.HashMap<>();
        List<String> twice = new java.util.ArrayList<>();
        try (var jars = Files.list(unpacked.resolve("lib"))) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
                    for (var e : java.util.Collections.list(j.entries())) {
                        String name = e.getName();
                        if (!name.endsWith(".class") || name.endsWith("module-info.class")) {
                            continue;
                        }
                        String other =
                                firstJar.putIfAbsent(name, jar.getFileName().toString());
                        if (other != null) {
                            twice.add(name + " in " + other + " and " + jar.getFileName());
                        }
                    }
                }
            }
        }
        assertThat(twice).as("classes in two jars of lib/").isEmpty();
    }

    @Test
    void everyClassFileShippedIsJava6OrNewerSoTheClassArchiveCanHoldIt() throws IOException {
        try (var jars = Files.list(unpacked.resolve("lib"))) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
                    for (var e : java.util.Collections.list(j.entries())) {
                        if (!e.getName().endsWith(".class") || e.getName().endsWith("module-info.class")) {
                            continue;
                        }
                        byte[] head = j.getInputStream(e).readNBytes(8);
                        int major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
                        assertThat(major)
                                .as(jar.getFileName() + "!" + e.getName())
                                .isGreaterThanOrEqualTo(50);
                    }
                }
            }
        }
    }

    @Test
    void theInstalledLauncherMeasuresWithoutMavenOrSources() throws Exception {
        Result r = run(
                userEnvironment(),
                prefix.resolve("bin/sysc").toString(),
                "measure",
                "getpid",
                "--time",
                "20ms",
                "--warmup",
                "10ms",
                "--format",
                "csv");
        assertThat(r.code).as(r.out).isZero();
        assertThat(r.out).contains("getpid,libc,");
        // The second run maps the class archive the first one left in the user's cache.
        Result again = run(userEnvironment(), prefix.resolve("bin/sysc").toString(), "--version");
        assertThat(again.code).as(again.out).isZero();
        assertThat(again.out).startsWith("sysc ");
        try (var cached = Files.list(work.resolve("home/.cache/sysc"))) {
            assertThat(cached.map(p -> p.getFileName().toString()))
                    .anySatisfy(name -> assertThat(name).matches("java[0-9]+(-[0-9]+){3}\\.(jsa|aot)"));
        }
    }

    @Test
    void manFindsThePagesAndBashCompletesFromTheInstalledScript() throws Exception {
        Result man = run(
                Map.of("MANPATH", prefix.resolve("share/man").toString(), "PATH", "/usr/bin:/bin"),
                "man",
                "-w",
                "sysc-measure");
        assertThat(man.code).as(man.out).isZero();
        assertThat(man.out.trim())
                .isEqualTo(prefix.resolve("share/man/man1/sysc-measure.1").toString());
        Path script = prefix.resolve("share/bash-completion/completions/sysc");
        Result words = run(
                Map.of("PATH", "/usr/bin:/bin"),
                "bash",
                "-c",
                ". '" + script + "'; "
                        + "COMP_WORDS=(sysc measure getpp); COMP_CWORD=2; COMP_LINE='sysc measure getpp'; "
                        + "COMP_POINT=${#COMP_LINE}; _complete_sysc 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertThat(words.out.lines()).contains("getppid");
    }

    @Test
    void uninstallRemovesWhatWasInstalled() throws Exception {
        Path other = work.resolve("other-prefix");
        Map<String, String> env = userEnvironment();
        assertThat(run(env, "bash", unpacked.resolve("install.sh").toString(), "--prefix", other.toString()).code)
                .isZero();
        assertThat(other.resolve("bin/sysc")).exists();
        Result r = run(
                env, "bash", unpacked.resolve("install.sh").toString(), "--prefix", other.toString(), "--uninstall");
        assertThat(r.code).as(r.out).isZero();
        try (var left = Files.walk(other)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(other.resolve("bin/sysc")).doesNotExist();
        Result bad = run(env, "bash", unpacked.resolve("install.sh").toString(), "--nonsense");
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.out).contains("unknown argument '--nonsense'");
    }

    private record Result(int code, String out) {}

    private static Result run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (!env.isEmpty()) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
