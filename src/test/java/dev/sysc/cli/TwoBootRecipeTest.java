package dev.sysc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.cli.SyscRun.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two-boot recipe as each place prints it (README, tour, explain mitigations, its topic page and the
 * hints) is run word for word, with a quick --time and without the reboot: measure -o A.json, measure -o
 * B.json, compare A.json B.json. It once failed because -o A.json wrote a table that compare refused.
 */
@org.junit.jupiter.api.Tag("slow")
class TwoBootRecipeTest {
    private static final Pattern MEASURE = Pattern.compile("sysc (measure [a-z_@ ]+? -o ([\\w.-]+\\.json))");
    private static final Pattern COMPARE = Pattern.compile("sysc (compare ([\\w.-]+\\.json) ([\\w.-]+\\.json))");
    private static final String[] QUICK = {"--time", "20ms", "--warmup", "0", "-q"};

    @TempDir
    Path tmp;

    static Stream<Arguments> recipes() throws IOException {
        List<Arguments> found = new ArrayList<>();
        found.add(Arguments.of("README.md", Files.readString(Path.of("README.md"))));
        for (String resource : List.of("tour/tour.txt", "explain/topics/mitigations.md", "explain/hints.tsv")) {
            found.add(Arguments.of(resource, Files.readString(Path.of("src/main/resources/dev/sysc", resource))));
        }
        Run explain = SyscRun.sysc("explain", "mitigations", "--no-measure");
        found.add(Arguments.of("sysc explain mitigations", explain.out()));
        return found.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void theRecipeWorksAsPrinted(String where, String text) throws IOException {
        String flat = text.replace("`", "").replaceAll("\\s+", " ");
        java.util.Map<String, String> measureOf = new java.util.LinkedHashMap<>();
        Matcher m = MEASURE.matcher(flat);
        while (m.find()) {
            measureOf.putIfAbsent(m.group(2), m.group(1));
        }
        // The recipe is the compare whose two files the text also says how to make.
        Matcher compare = COMPARE.matcher(flat);
        boolean found = false;
        while (!found && compare.find()) {
            found = measureOf.containsKey(compare.group(2)) && measureOf.containsKey(compare.group(3));
        }
        assertThat(found)
                .as(where + " shows measure -o A.json, measure -o B.json, compare A.json B.json")
                .isTrue();
        List<String> measures = List.of(measureOf.get(compare.group(2)), measureOf.get(compare.group(3)));
        for (String measure : measures) {
            Run run = SyscRun.sysc(args(measure, QUICK));
            assertThat(run.exit()).as(where + ": " + measure + ": " + run.err()).isZero();
        }
        Run run = SyscRun.sysc(args(compare.group(1)));
        assertThat(run.exit())
                .as(where + ": " + compare.group(1) + ": " + run.err())
                .isZero();
        assertThat(run.out()).contains("A median").contains("getp");
    }

    /** The words of a printed command, file names moved into the test's directory. */
    private String[] args(String command, String... extra) {
        List<String> words = new ArrayList<>();
        for (String w : command.split(" ")) {
            words.add(w.endsWith(".json") ? tmp.resolve(w).toString() : w);
        }
        words.addAll(List.of(extra));
        return words.toArray(new String[0]);
    }
}
