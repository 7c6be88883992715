package dev.sysc.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ctrl-C (SIGINT) or SIGTERM in the middle of a measurement leaves nothing behind and prints no document. */
@org.junit.jupiter.api.Tag("slow")
class SignalCleanupTest {
    @TempDir
    Path tmp;

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void signalMidMeasurementRemovesTheWorkspace(String signal) throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Path result = out.resolve("result.json");
        Files.writeString(result, "previous result\n");
        Path work = tmp.resolve("work");
        Files.createDirectories(work);
        Process p = ChildSysc.command(
                        work,
                        List.of(),
                        "measure",
                        "stat",
                        "open_close",
                        "readlink",
                        "--time",
                        "20s",
                        "-q",
                        "--format",
                        "json",
                        "-o",
                        result.toString())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (entries(work).isEmpty() && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(20);
        }
        if (entries(work).isEmpty() && !p.isAlive()) {
            // Say why the child left early rather than only that the workspace never came.
            throw new AssertionError("sysc exited " + p.exitValue() + " before making its workspace: "
                    + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        }
        assertThat(entries(work)).as("the workspace appeared").isNotEmpty();
        Thread.sleep(200); // well into sampling
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(entries(work)).as("nothing left in java.io.tmpdir").isEmpty();
        assertThat(entries(out)).as("no temporary output file").containsExactly(result);
        assertThat(Files.readString(result)).isEqualTo("previous result\n");
        assertThat(stdout).isEmpty();
        assertThat(p.exitValue()).isEqualTo(signal.equals("INT") ? 130 : 143);
    }
}
