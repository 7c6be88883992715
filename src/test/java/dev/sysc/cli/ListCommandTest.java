package dev.sysc.cli;

import static dev.sysc.cli.SyscRun.json;
import static dev.sysc.cli.SyscRun.sysc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.cli.SyscRun.Run;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.CatalogEntry;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code sysc list}: the catalog in every format, whole or one category. */
class ListCommandTest {
    @Test
    void listNamesEveryCall() {
        Run r = sysc("list");

        assertThat(r.exit()).as(r.err()).isZero();
        for (CatalogEntry e : Catalog.builtIn().entries()) {
            assertThat(r.out()).contains(e.name());
        }
    }

    @Test
    void listOfOneCategoryAsJson() throws IOException {
        Run r = sysc("list", "--category", "time", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();

        Map<String, Object> doc = json(r.out());
        assertThat(doc.get("schema")).isEqualTo("sysc/catalog/v1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> calls = (List<Map<String, Object>>) doc.get("calls");
        List<String> timeCalls = Catalog.builtIn().entries().stream()
                .filter(e -> e.category().equals("time"))
                .map(CatalogEntry::name)
                .collect(Collectors.toList());
        assertThat(calls).isNotEmpty().allSatisfy(c -> assertThat(c).containsEntry("category", "time"));
        assertThat(calls).extracting(c -> c.get("name")).containsExactlyElementsOf(timeCalls);
    }

    @Test
    void listAsCsvHasOneRowPerCall() {
        Run r = sysc("list", "--format", "csv");

        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().count())
                .isEqualTo(Catalog.builtIn().entries().size() + 1L);
    }
}
