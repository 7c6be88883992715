package dev.sysc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.cli.SyscRun.Run;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every JSON document says which sysc wrote it, when, and with which settings (DESIGN: schemas). */
@org.junit.jupiter.api.Tag("slow")
class JsonProvenanceTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(String... args) throws Exception {
        Run run = SyscRun.sysc(args);
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, Object> doc = SyscRun.json(run.out());
        assertThat(doc).containsKeys("schema", "tool", "timestamp", "settings");
        assertThat((Map<String, Object>) doc.get("tool"))
                .containsEntry("name", "sysc")
                .containsKey("version");
        assertThat(java.time.Instant.parse((String) doc.get("timestamp"))).isNotNull();
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settings(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("settings");
    }

    @Test
    void aResultRecordsCpuTimeAndWarmupAsGiven() throws Exception {
        Map<String, Object> doc = document(
                "measure", "getppid", "--cpu", "0", "--time", "20ms", "--warmup", "5ms", "-q", "--format", "json");
        assertThat(settings(doc))
                .containsEntry("time", "20ms")
                .containsEntry("warmup", "5ms")
                .containsEntry("cpu", 0)
                .containsEntry("loop", "native")
                .containsKey("samples");
    }

    @Test
    void aBatchRecordsItsSettings() throws Exception {
        Map<String, Object> doc = document(
                "batch", "write", "--sizes", "1,2", "--time", "5ms", "--warmup", "0", "-q", "--format", "json");
        assertThat(doc.get("schema")).isEqualTo("sysc/batch/v1");
        assertThat(settings(doc))
                .containsEntry("time", "5ms")
                .containsEntry("warmup", "0ms")
                .containsEntry("cpu", null);
    }

    @Test
    void anExplanationRecordsHowItMeasuredOrThatItDidNot() throws Exception {
        Map<String, Object> measured = document("explain", "getppid", "-q", "--format", "json");
        assertThat(measured.get("schema")).isEqualTo("sysc/explain/v1");
        assertThat(settings(measured)).containsEntry("time", "100ms").containsEntry("warmup", "50ms");
        Map<String, Object> unmeasured =
                SyscRun.json(SyscRun.sysc("explain", "getppid", "--no-measure", "--format", "json")
                        .out());
        assertThat(unmeasured).containsEntry("settings", null).containsKeys("tool", "timestamp");
    }
}
