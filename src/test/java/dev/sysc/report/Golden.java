package dev.sysc.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Golden files of the renderers, under src/test/resources/golden. After an intended change of the output,
 * regenerate them with {@code -Dgolden.update=true} and review the difference.
 */
final class Golden {
    private static final Path DIR = Paths.get("src/test/resources/golden");

    private Golden() {}

    static void assertGolden(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as(name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Renders under Locale.ROOT and again with a comma-decimal default locale (Germany's), and compares both
     * with the golden file: machine output must not depend on where it runs.
     */
    static void assertGoldenInEveryLocale(String name, Supplier<String> render) throws IOException {
        Locale saved = Locale.getDefault();
        String root;
        String german;
        try {
            Locale.setDefault(Locale.ROOT);
            root = render.get();
            Locale.setDefault(Locale.GERMANY);
            german = render.get();
        } finally {
            Locale.setDefault(saved);
        }
        assertGolden(name, root);
        assertThat(german).as(name + " under Locale.GERMANY").isEqualTo(root);
    }
}
