package dev.sysc.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Each committed man page's SYNOPSIS says exactly what picocli's usage line says, word for word: the
 * compare page once showed "[--no-baseline] ] [--color=_WHEN" and lost --baseline while DocsAreCurrentTest,
 * comparing the page with itself, still passed. And the pages sit where man finds them (man/man1).
 */
@org.junit.jupiter.api.Tag("slow")
class ManSynopsisTest {
    private static final Path PAGES = Paths.get("man/man1");

    /** The SYNOPSIS section of a roff page as plain words. */
    static String synopsis(String roff) {
        List<String> words = new ArrayList<>();
        boolean inside = false;
        for (String line : roff.split("\n")) {
            if (line.startsWith(".SH")) {
                inside = line.contains("\"SYNOPSIS\"");
                continue;
            }
            if (inside && !line.startsWith(".")) {
                words.add(line.replaceAll("\\\\f[BIPR]", "")
                        .replace("\\-", "-")
                        .replace("\\(cq", "'")
                        .replace("\\&", ""));
            }
        }
        return normalize(String.join(" ", words));
    }

    private static String normalize(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> s = Files.list(PAGES)) {
            return s.filter(p -> p.toString().endsWith(".1")).sorted().toList();
        }
    }

    @Test
    void everySynopsisIsThePicocliUsageLine() throws IOException {
        CommandLine top = GenerateDocs.commandLine();
        top.setUsageHelpWidth(GenerateDocs.SYNOPSIS_WIDTH);
        List<Path> pages = pages();
        assertThat(pages).hasSizeGreaterThanOrEqualTo(8);
        for (Path page : pages) {
            String name = page.getFileName().toString().replace(".1", "");
            CommandLine cl = name.equals("sysc") ? top : top.getSubcommands().get(name.substring("sysc-".length()));
            assertThat(cl).as(page + " documents a command").isNotNull();
            String expected = normalize(cl.getHelp().synopsis(0));
            assertThat(synopsis(Files.readString(page))).as(page.toString()).isEqualTo(expected);
        }
    }

    @Test
    void theCompareSynopsisOffersBaseline() throws IOException {
        assertThat(synopsis(Files.readString(PAGES.resolve("sysc-compare.1"))))
                .contains("[--baseline=NAME[@PATH]]")
                .endsWith("NAME[@PATH]|FILE.json NAME[@PATH]|FILE.json...");
    }

    @Test
    void theReadmesManpathFindsThePages() throws Exception {
        assumeTrue(new File("/usr/bin/man").canExecute(), "man-db is installed by .ci/run");
        assertThat(Files.readString(Paths.get("README.md"))).contains("export MANPATH=\"$PWD/man:");
        ProcessBuilder pb = new ProcessBuilder("man", "-w", "sysc-compare");
        pb.environment().put("MANPATH", Paths.get("man").toAbsolutePath().toString());
        Process p = pb.redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out)
                .isEqualTo(PAGES.resolve("sysc-compare.1").toAbsolutePath().toString());
    }
}
