package dev.sysc.tour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.probe.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TourScriptTest {
    @Test
    void theTourGoesFromTheFloorToBatching() {
        List<TourStep> steps = TourScript.builtIn();
        assertThat(steps)
                .extracting(TourStep::id)
                .containsExactly(
                        "floor", "enosys", "getpid", "page-fault", "vdso", "mitigations", "batching", "three-ways");
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.text()).isNotEmpty();
            assertThat(s.title()).isNotBlank();
        });
    }

    @Test
    void everyCallAStepMeasuresIsInTheCatalog() {
        for (TourStep s : TourScript.builtIn()) {
            for (String call : s.calls()) {
                assertThat(Catalog.builtIn().resolve(call).id()).isNotBlank();
            }
        }
    }

    @Test
    void everyPlaceholderIsMeasuredByThisOrAnEarlierStepOrIsExtraData() {
        Set<String> extra = Set.of(
                "mitigations",
                "io_uring@1",
                "io_uring@64",
                "syscall-loop@64",
                "discard@1",
                "discard@100",
                "bpf-filter@1",
                "bpf-filter@100");
        java.util.Set<String> known = new java.util.HashSet<>(extra);
        for (TourStep s : TourScript.builtIn()) {
            known.addAll(s.calls());
            for (String text : s.text()) {
                for (String p : TourScript.placeholders(text)) {
                    assertThat(resolvable(p, known))
                            .as("placeholder {" + p + "} of step " + s.id())
                            .isTrue();
                }
            }
        }
    }

    /** As TourScript.fill reads a key: a value, a ratio a/b, or a difference a-b (names may hold '-'). */
    private static boolean resolvable(String key, java.util.Set<String> known) {
        if (known.contains(key)) {
            return true;
        }
        int slash = key.indexOf('/');
        if (slash > 0) {
            return known.contains(key.substring(0, slash)) && known.contains(key.substring(slash + 1));
        }
        for (int i = key.indexOf('-'); i > 0; i = key.indexOf('-', i + 1)) {
            if (known.contains(key.substring(0, i)) && known.contains(key.substring(i + 1))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void fillsValuesDifferencesRatiosAndWords() {
        Map<String, Double> ns =
                Map.of("enosys", 114.5, "getpid", 151.2, "clock_gettime", 20.9, "clock_gettime@syscall", 259.2);
        String text = "{enosys}; {getpid-enosys}; {clock_gettime@syscall/clock_gettime}; {mitigations}; {nope}";
        assertThat(TourScript.fill(text, ns, Map.of("mitigations", "none")))
                .isEqualTo("115 ns; 37 ns; 12 times; none; (not measured)");
    }

    @Test
    void largeFiguresAreInMicrosecondsAndAHyphenatedStrategyIsOneName() {
        Map<String, Double> ns = Map.of("discard@100", 252_870.0, "bpf-filter@100", 211_067.0, "discard@1", 25_597.0);
        assertThat(TourScript.fill(
                        "{discard@100}; {bpf-filter@100}; {discard@100-bpf-filter@100}; {discard@1}", ns, Map.of()))
                .isEqualTo("253 µs; 211 µs; 41.8 µs; 25.6 µs");
    }

    @Test
    void parsesHeadersAndBodies() {
        List<TourStep> steps = TourScript.parse(
                "# comment\n## a | Title A | getpid enosys | -\nline one\n\n## b | B | - | batching\nx\n");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).calls()).containsExactly("getpid", "enosys");
        assertThat(steps.get(0).text()).containsExactly("line one");
        assertThat(steps.get(1).needs()).isEqualTo("batching");
    }
}
