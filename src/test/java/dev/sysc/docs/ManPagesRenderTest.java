package dev.sysc.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every committed man page renders with man(1) without a single warning. */
@org.junit.jupiter.api.Tag("slow")
class ManPagesRenderTest {
    @Test
    void everyPageRendersWithoutWarnings() throws Exception {
        assumeTrue(new File("/usr/bin/man").canExecute(), "man-db is installed by .ci/run");
        List<Path> pages;
        try (Stream<Path> s = Files.list(Paths.get("man/man1"))) {
            pages = s.filter(p -> p.toString().endsWith(".1")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(6);
        for (Path page : pages) {
            ProcessBuilder pb = new ProcessBuilder("man", "--warnings=all", "-l", page.toString());
            pb.environment().put("MANWIDTH", "80");
            pb.environment().put("LC_ALL", "C.UTF-8");
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String warnings = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(page + ": " + warnings).isZero();
            assertThat(warnings).as(page.toString()).isEmpty();
        }
    }
}
