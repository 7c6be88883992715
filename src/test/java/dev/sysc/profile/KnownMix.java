package dev.sysc.profile;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** known-mix.c (a test resource) compiled once per test run with the system's C compiler. */
final class KnownMix {
    private static Path binary;

    private KnownMix() {}

    static synchronized String path() throws IOException, InterruptedException {
        if (binary == null) {
            Path dir = Files.createTempDirectory("sysc-known-mix-");
            Path source = dir.resolve("known-mix.c");
            try (InputStream in = KnownMix.class.getResourceAsStream("known-mix.c")) {
                Files.copy(in, source);
            }
            Path out = dir.resolve("known-mix");
            Process cc;
            try {
                cc = new ProcessBuilder("cc", "-O1", "-pthread", "-o", out.toString(), source.toString())
                        .inheritIO()
                        .start();
            } catch (IOException e) {
                assumeTrue(false, "no C compiler (cc) to build the test program");
                throw e;
            }
            if (cc.waitFor() != 0) {
                throw new IllegalStateException("cc failed on known-mix.c");
            }
            binary = out;
        }
        return binary.toString();
    }
}
