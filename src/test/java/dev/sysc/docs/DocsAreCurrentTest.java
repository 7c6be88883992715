package dev.sysc.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed man pages and completion scripts are exactly what the build generates from the
 * commands (GenerateDocs + asciidoctor, run before the tests). When this fails: bin/regen-docs.
 */
@org.junit.jupiter.api.Tag("slow")
class DocsAreCurrentTest {
    private static final Path GENERATED = Paths.get("target/generated-docs");

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertSame(Path generatedDir, Path committedDir) throws IOException {
        assertThat(Files.isDirectory(generatedDir))
                .as(generatedDir + " (run the build: mvn verify)")
                .isTrue();
        assertThat(names(committedDir))
                .as("files in " + committedDir + " (stale: run bin/regen-docs)")
                .isEqualTo(names(generatedDir));
        for (String name : names(generatedDir)) {
            assertThat(Files.readString(committedDir.resolve(name)))
                    .as(committedDir.resolve(name) + " is stale: run bin/regen-docs")
                    .isEqualTo(Files.readString(generatedDir.resolve(name)));
        }
    }

    @Test
    void manPagesAreCurrent() throws IOException {
        assertSame(GENERATED.resolve("man"), Paths.get("man/man1"));
    }

    @Test
    void completionsAreCurrent() throws IOException {
        assertSame(GENERATED.resolve("completions"), Paths.get("completions"));
    }

    @Test
    void everyCommandHasAPage() throws IOException {
        assertThat(names(Paths.get("man/man1"))).contains("sysc.1", "sysc-measure.1", "sysc-compare.1", "sysc-list.1");
    }

    @Test
    void completionOffersCallNames() throws IOException {
        assertThat(Files.readString(Paths.get("completions/sysc.bash"))).contains("getppid@syscall", "clock_gettime");
    }
}
