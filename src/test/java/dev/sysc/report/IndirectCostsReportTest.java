package dev.sysc.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.sysc.bench.IndirectCostResults;
import dev.sysc.bench.PollutionResult;
import dev.sysc.bench.ReturnStackResult;
import dev.sysc.bench.SeccompResult;
import dev.sysc.explain.Explainer;
import dev.sysc.host.HostInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The experiments block of explain indirect-costs, in every format, from results of known figures. */
class IndirectCostsReportTest {
    private static final HostInfo HOST = new HostInfo(
            "h",
            "6.18.0",
            "x86_64",
            "cpu",
            2,
            "tsc",
            false,
            "",
            List.of("pcid"),
            Map.of("meltdown", "Not affected"),
            "0",
            "off",
            true,
            "none",
            "unknown",
            "unknown");

    static IndirectCostResults results() {
        List<ReturnStackResult.Point> frames = new ArrayList<>();
        for (int d : new int[] {1, 2, 4, 8, 16}) {
            frames.add(new ReturnStackResult.Point(d, 100 + 7.0 * d, 1.0 * d));
        }
        ReturnStackResult rs = new ReturnStackResult(frames, 6.0, 100, 1.0, 0.99);
        PollutionResult pollution = new PollutionResult(
                100,
                List.of(
                        new PollutionResult.Point(4096, "sequential", "getpid", 64, 20, 125, 100),
                        new PollutionResult.Point(4096, "dependent", "read 4 KiB", 64, 64, 496, 400),
                        new PollutionResult.Point(32 << 20, "dependent", "getpid", 4096, 409_600, 409_500, 100)));
        SeccompResult seccomp = new SeccompResult(
                List.of(
                        new SeccompResult.Point(0, false, 90),
                        new SeccompResult.Point(1, false, 115),
                        new SeccompResult.Point(512, false, 117),
                        new SeccompResult.Point(16, true, 140),
                        new SeccompResult.Point(512, true, 190)),
                0,
                null);
        return new IndirectCostResults(rs, pollution, seccomp, List.of("pollution: nothing, a test"));
    }

    private static ExplainRun run(IndirectCostResults r) {
        return new ExplainRun(
                "9.9",
                Instant.parse("2026-11-28T10:00:00Z"),
                "live",
                Explainer.builtIn().topic("indirect-costs", HOST),
                List.of(),
                null,
                List.of(),
                null,
                null,
                r);
    }

    @Test
    void textHasATableAChartAndTheConclusionOfEachExperiment() {
        String text = ExplainReport.render(run(results()), Format.TABLE);
        String flat = text.replace("\n", " "); // paragraphs are wrapped
        assertThat(text).contains("Measured here: beyond the crossing");
        // Return stack: the fitted slope, and ten frames priced from it against the crossing at depth 0.
        assertThat(flat)
                .contains("adds 6.0 ns")
                .contains("about 60 ns more per call")
                .contains("60 % more");
        // Pollution: the L1-sized sets' largest loss (496 − 400 − 64 = 32 ns, +50 %, beside 5 ns, +25 %)
        // and a miss's price (409600 ns / 4096 lines = 100 ns a line).
        assertThat(flat)
                .contains(
                        "Sets that fit in L1 (up to 32 KiB) lose at most 32 ns a pass (+50 %, the 4 KiB dependent walk "
                                + "after read 4 KiB;")
                .contains("at up to 100 ns a line here (the dependent walk over 32 MiB)")
                .contains("PTI is off");
        // seccomp: the cached filters' flat cost and the per-instruction cost of the uncached ones.
        assertThat(flat)
                .contains("add 25 ns at 1 instruction and 27 ns at 512")
                .contains("about 0.10 ns an instruction");
        assertThat(text).contains("Not measured: pollution: nothing, a test.");
        // The longest bar of each chart is the full width.
        assertThat(text).contains("|" + "#".repeat(IndirectCostsReport.BAR_WIDTH) + " ");
    }

    @Test
    void markdownPutsTheChartsInCodeBlocks() {
        String md = ExplainReport.render(run(results()), Format.MARKDOWN);
        assertThat(md)
                .contains("### Return predictions: the crossing under nested frames")
                .contains("| frames | with getpid, ns |")
                .contains("```\n1 frame");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonCarriesTheExperimentsBlockDesignNames() throws Exception {
        Map<String, Object> doc = JSON.std.mapFrom(ExplainReport.render(run(results()), Format.JSON));
        Map<String, Object> ex = (Map<String, Object>) doc.get("experiments");
        Map<String, Object> rs = (Map<String, Object>) ex.get("return_stack");
        assertThat(((Number) rs.get("per_frame_penalty_ns")).doubleValue()).isEqualTo(6.0);
        assertThat((List<Map<String, Object>>) rs.get("points"))
                .extracting(p -> ((Number) p.get("frames")).intValue())
                .containsExactly(1, 2, 4, 8, 16);
        Map<String, Object> pollution = (Map<String, Object>) ex.get("pollution");
        Map<String, Object> first = ((List<Map<String, Object>>) pollution.get("points")).get(0);
        assertThat(((Number) first.get("working_set_bytes")).longValue()).isEqualTo(4096);
        assertThat(((Number) first.get("extra_ns")).doubleValue()).isEqualTo(5.0);
        assertThat(first).containsEntry("crossing", "getpid");
        assertThat(pollution.get("tlb_flushed_by_crossing")).isEqualTo(false);
        List<Map<String, Object>> filters = (List<Map<String, Object>>) ex.get("seccomp_filter");
        assertThat(filters)
                .extracting(f -> ((Number) f.get("instructions")).intValue())
                .containsExactly(0, 1, 512, 16, 512);
        assertThat(filters.get(0)).containsEntry("added_ns", null).containsEntry("action_cache", null);
        assertThat(((Number) filters.get(4).get("net_ns")).doubleValue()).isEqualTo(190.0);
        assertThat(filters.get(4)).containsEntry("action_cache", false);
        assertThat(ex.get("seccomp_filtered_threads_after")).isEqualTo(0);
        assertThat((List<String>) ex.get("failures")).containsExactly("pollution: nothing, a test");
    }

    @Test
    void withoutExperimentsTheJsonHasNoBlock() throws Exception {
        Map<String, Object> doc = JSON.std.mapFrom(ExplainReport.render(run(null), Format.JSON));
        assertThat(doc).doesNotContainKey("experiments");
    }

    @Test
    void csvAddsOneRowPerPointInExplainsColumns() {
        String csv = ExplainReport.render(run(results()), Format.CSV);
        assertThat(csv)
                .contains("return-stack,frames=4,124.0,,")
                .contains("return-stack,per_frame_penalty,6.0,,")
                .contains("pollution,4096:dependent:read 4 KiB,32.0,,")
                .contains("seccomp,512:argument,190.0,,");
        for (String line : csv.split("\n")) {
            assertThat(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1))
                    .as(line)
                    .hasSize(5);
        }
    }

    @Test
    void barsScaleToTheLargestAndDrawNothingForNoise() {
        String bars = IndirectCostsReport.bars(List.of("a", "bb"), List.of(10.0, -3.0));
        assertThat(bars)
                .isEqualTo("a  |" + "#".repeat(40) + " 10.0\nbb | -3.0\n".replace("\n", System.lineSeparator()));
    }

    @Test
    void kernelsBeforeTheActionCacheAreRecognized() {
        assertThat(IndirectCostsReport.before511("5.10.0-21-amd64")).isTrue();
        assertThat(IndirectCostsReport.before511("4.19.0")).isTrue();
        assertThat(IndirectCostsReport.before511("5.11.0")).isFalse();
        assertThat(IndirectCostsReport.before511("6.18.44-fc-v669")).isFalse();
        assertThat(IndirectCostsReport.before511("unknown")).isFalse();
    }
}
