package dev.sysc.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysc.batch.RingFactory;
import dev.sysc.batch.Workloads;
import dev.sysc.probe.Catalog;
import dev.sysc.probe.CatalogEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every entry of the knowledge base parses, and every id one entry refers to exists. */
class KnowledgeBaseTest {
    private final KnowledgeBase kb = KnowledgeBase.builtIn();

    @Test
    void everyConditionParses() {
        for (Step s : kb.steps()) {
            Conditions.validate(s.condition());
        }
        for (Mitigation m : kb.mitigations()) {
            Conditions.validate(m.condition());
        }
        for (Hint h : kb.hints()) {
            Conditions.validate(h.condition());
        }
    }

    @Test
    void stepsHaveUniqueIdsAndKnownPhasesPathsAndMitigations() {
        Set<String> ids = new HashSet<>();
        for (Step s : kb.steps()) {
            assertThat(ids.add(s.id())).as("duplicate step %s", s.id()).isTrue();
            assertThat(s.path()).isIn("kernel", "vdso");
            assertThat(s.phase()).isIn("user", "hardware", "entry", "dispatch", "exit", "return");
            assertThat(s.applies()).isIn("all", "clock", "data");
            assertThat(s.title()).isNotBlank();
            assertThat(s.what()).isNotBlank();
            for (String file : s.mitigations()) {
                assertThat(kb.mitigation(file))
                        .as("step %s refers to mitigation %s", s.id(), file)
                        .isPresent();
            }
        }
        assertThat(kb.steps("kernel"))
                .extracting(Step::id)
                .startsWith("user-setup", "hw-syscall")
                .endsWith("return-sysret", "return-iret", "return-eretu");
    }

    @Test
    void mitigationStepsCostsAndHintsReferToExistingIds() {
        for (Mitigation m : kb.mitigations()) {
            for (String step : m.steps()) {
                assertThat(kb.step(step))
                        .as("mitigation %s refers to step %s", m.file(), step)
                        .isPresent();
            }
            assertThat(m.bootSwitch()).isNotBlank();
        }
        for (PublishedCost c : kb.costs()) {
            assertThat(kb.mitigation(c.file())).as("cost for %s", c.file()).isPresent();
            assertThat(c.source()).startsWith("http").doesNotContain("?q=").doesNotContain("/search");
        }
        for (Hint h : kb.hints()) {
            assertThat(kb.topic(h.topic()))
                    .as("hint %s leads to topic %s", h.id(), h.topic())
                    .isPresent();
        }
    }

    @Test
    void everyTopicLoadsWithATitle() {
        for (String id : KnowledgeBase.TOPIC_IDS) {
            Topic t = kb.topic(id).orElseThrow();
            assertThat(t.title()).isNotBlank();
            assertThat(t.body()).isNotBlank().doesNotStartWith("# ");
        }
        assertThat(KnowledgeBase.TOPIC_IDS)
                .contains("mode-switch", "vdso", "mitigations", "batching", "bpf", "indirect-costs");
    }

    @Test
    void everyLivePlanNamesCallsAndWorkloadsThatExist() {
        List<LivePlan> plans = new ArrayList<>();
        plans.add(kb.machinePlan());
        KnowledgeBase.TOPIC_IDS.forEach(
                id -> plans.add(kb.topic(id).orElseThrow().live()));
        for (LivePlan plan : plans) {
            for (String call : plan.calls(true)) {
                assertThatCode(() -> Catalog.builtIn().resolve(call)).as(call).doesNotThrowAnyException();
            }
            plan.batch().ifPresent(b -> {
                assertThat(Workloads.find(b.workload(), RingFactory.KERNEL))
                        .as(b.workload())
                        .isPresent();
                assertThat(b.sizes()).isNotEmpty().allSatisfy(n -> assertThat(n).isPositive());
            });
        }
        assertThat(kb.topic("indirect-costs").orElseThrow().live().experiments())
                .isTrue();
        assertThat(kb.topic("bpf").orElseThrow().live().batch())
                .map(LivePlan.Batch::workload)
                .contains("filter");
        assertThat(kb.machinePlan().calls(false)).contains("enosys");
    }

    @Test
    void everyCatalogExplainIdIsATopic() {
        for (CatalogEntry e : Catalog.builtIn().entries()) {
            assertThat(kb.topic(e.explainId()))
                    .as("catalog %s explain id %s", e.name(), e.explainId())
                    .isPresent();
        }
    }

    @Test
    void productTextNeverClaimsCachesAreFlushed() {
        for (String id : KnowledgeBase.TOPIC_IDS) {
            assertThat(kb.topic(id).orElseThrow().markdown().toLowerCase())
                    .doesNotContain("flushing cpu caches")
                    .doesNotContain("flushes the cache");
        }
    }

    @Test
    void badConditionsAreRefused() {
        for (String bad : List.of(
                "",
                "sometimes",
                "vuln:meltdown~PTI",
                "state:meltdown",
                "attack-vector:nobody",
                "flagpcid",
                "clocksource:fast",
                "spec:other")) {
            assertThatThrownBy(() -> Conditions.validate(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everySentenceHasASourceAndEveryStateTermATagTheTablesGive() {
        java.util.regex.Pattern term = java.util.regex.Pattern.compile("state:([a-z0-9_]+)=([a-z:-]+)");
        List<String> conditions = new java.util.ArrayList<>();
        for (Step s : kb.steps()) {
            assertThat(s.source()).as("source of step %s", s.id()).isNotBlank().isNotEqualTo("-");
            conditions.add(s.condition());
        }
        for (Mitigation m : kb.mitigations()) {
            assertThat(m.source())
                    .as("source of mitigation %s", m.file())
                    .isNotBlank()
                    .isNotEqualTo("-");
            conditions.add(m.condition());
            assertThat(KernelStrings.builtIn().files())
                    .as("strings for %s", m.file())
                    .contains(m.file());
        }
        for (Hint h : kb.hints()) {
            assertThat(h.source()).as("source of hint %s", h.id()).isNotBlank();
            conditions.add(h.condition());
        }
        for (String c : conditions) {
            java.util.regex.Matcher m = term.matcher(c);
            while (m.find()) {
                String file = m.group(1);
                String tag = m.group(2);
                assertThat(KernelStrings.builtIn().rows(file))
                        .as("%s in %s", tag, c)
                        .anySatisfy(k -> assertThat(k.tags()).contains(tag));
            }
        }
        for (String file : KernelStrings.builtIn().files()) {
            assertThat(kb.mitigation(file))
                    .as("mitigations.tsv row for %s", file)
                    .isPresent();
            for (KernelStrings.Known k : KernelStrings.builtIn().rows(file)) {
                assertThat(k.source()).isNotBlank();
                assertThat(KernelStrings.builtIn()
                                .read(file, k.part() ? "Vulnerable; " + k.text().strip() : k.text())
                                .state())
                        .as("%s reads back", k.text())
                        .isNotNull();
            }
        }
    }

    @Test
    void everyTopicNamesItsSources() {
        for (String id : KnowledgeBase.TOPIC_IDS) {
            String md = kb.topic(id).orElseThrow().markdown();
            assertThat(md).as("topic %s cites a source", id).containsPattern("source|https://");
            assertThat(md).as("topic %s cites a search page", id).doesNotContain("?q=");
        }
    }
}
