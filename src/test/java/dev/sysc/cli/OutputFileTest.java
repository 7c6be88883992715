package dev.sysc.cli;

import static dev.sysc.cli.SyscRun.json;
import static dev.sysc.cli.SyscRun.measure;
import static dev.sysc.cli.SyscRun.results;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.cli.SyscRun.Run;
import dev.sysc.exit.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o FILE} as a script depends on it: a failed or refused run leaves the file as it was, a
 * successful one replaces it with a complete document, and no temporary file is left behind.
 */
@org.junit.jupiter.api.Tag("slow")
class OutputFileTest {
    private static final String CSV_HEADER = "name,path,crosses_kernel,net_median_ns,net_p05_ns,net_p95_ns,"
            + "raw_median_ns,baseline_median_ns,cv,samples,errno,loop,note";

    @TempDir
    Path tmp;

    @Test
    void aFailedRunLeavesTheOutputFileAlone() throws IOException {
        Path file = tmp.resolve("out.json");
        Files.writeString(file, "precious\n");

        Run r = measure("getpd", "-o", file.toString(), "--format", "json");

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(file).hasContent("precious");
        assertThat(Files.readString(file)).isEqualTo("precious\n");
        assertNoTemporaryFiles();
    }

    @Test
    void aBadOptionLeavesTheOutputFileAlone() throws IOException {
        Path file = tmp.resolve("out.json");
        Files.writeString(file, "precious\n");

        Run r = measure("getpid", "-o", file.toString(), "--samples", "0");

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(file)).isEqualTo("precious\n");
        assertNoTemporaryFiles();
    }

    @Test
    void aSuccessfulRunReplacesTheOutputFileWithTheDocument() throws IOException {
        Path file = tmp.resolve("out.json");
        Files.writeString(file, "precious\n");

        Run r = measure("getpid", "-o", file.toString(), "--format", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).as("nothing on stdout with -o").isEmpty();
        Map<String, Object> doc = json(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(doc.get("schema")).isEqualTo("sysc/result/v1");
        assertThat(results(doc)).extracting(m -> m.get("name")).containsExactly("getpid");
        assertNoTemporaryFiles();
    }

    @Test
    void outputCreatesAFileThatDidNotExist() throws IOException {
        Path file = tmp.resolve("new.csv");

        Run r = measure("getpid", "-o", file.toString(), "--format", "csv");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readAllLines(file)).first().isEqualTo(CSV_HEADER);
        assertNoTemporaryFiles();
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("files in %s", tmp)
                    .noneMatch(n -> n.endsWith(".tmp"))
                    .noneMatch(n -> n.startsWith(".out.json.") || n.startsWith(".new.csv."));
        }
    }
}
