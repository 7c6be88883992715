package dev.sysc.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFileReaderTest {
    @TempDir
    Path dir;

    static final String VALID = "{\"schema\":\"sysc/result/v1\",\"tool\":{\"name\":\"sysc\",\"version\":\"0.1.0\"},"
            + "\"timestamp\":\"2026-11-27T10:00:00Z\",\"host\":{\"hostname\":\"vm\",\"kernel\":\"6.1.0\","
            + "\"arch\":\"x86_64\",\"cpu_model\":\"X\",\"cpus\":2,\"clocksource\":\"tsc\",\"virtualized\":true,"
            + "\"cmdline\":\"mitigations=off\",\"cpu_flags\":[\"pcid\"],\"vulnerabilities\":{\"meltdown\":\"Not affected\"}},"
            + "\"results\":[{\"name\":\"getpid\",\"path\":\"libc\",\"crosses_kernel\":true,\"errno\":0,\"samples\":3,"
            + "\"calls_per_sample\":100,\"net_ns\":{\"median\":140.0,\"mean\":140,\"min\":139,\"p05\":139,\"p95\":141,"
            + "\"stddev\":1,\"cv\":0.01},\"raw_ns\":null,\"baseline_ns\":null,\"sample_ns\":[150.0,151.5,149.0]}]}";

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void readsAValidFile() throws IOException {
        SavedRun run = ResultFileReader.read(write("a.json", VALID));
        assertThat(run.host().kernel()).isEqualTo("6.1.0");
        assertThat(run.host().cmdline()).isEqualTo("mitigations=off");
        assertThat(run.host().vulnerabilities()).containsEntry("meltdown", "Not affected");
        assertThat(run.results()).hasSize(1);
        assertThat(run.results().get(0).sampleNs()).containsExactly(150.0, 151.5, 149.0);
        assertThat(run.results().get(0).netMedianNs()).isEqualTo(140.0);
    }

    private void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> ResultFileReader.read(file))
                .isInstanceOf(ResultFileException.class)
                .hasMessageStartingWith(file.toString() + ": ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void refusesAMissingFile() {
        assertRefused(dir.resolve("missing.json"), "no such file");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        assertRefused(write("empty.json", ""), "is empty");
    }

    @Test
    void refusesSomethingThatIsNotJson() throws IOException {
        assertRefused(write("text.json", "getpid 150 ns\n"), "is not valid JSON");
    }

    @Test
    void refusesATruncatedFile() throws IOException {
        assertRefused(write("cut.json", VALID.substring(0, VALID.length() / 2)), "is truncated");
    }

    @Test
    void aBareWordIsNotJsonNotATruncation() throws IOException {
        assertRefused(write("word.json", "hello"), "is not valid JSON");
    }

    @Test
    void aCutInsideANumberIsStillTruncation() throws IOException {
        int cut = VALID.indexOf("150.") + 4; // ends with "150."
        assertRefused(write("cutnum.json", VALID.substring(0, cut)), "is truncated");
    }

    @Test
    void refusesAnotherSchemaVersion() throws IOException {
        assertRefused(
                write("v2.json", VALID.replace("sysc/result/v1", "sysc/result/v2")),
                "has schema sysc/result/v2; this sysc reads sysc/result/v1");
    }

    @Test
    void refusesJsonWithoutASchema() throws IOException {
        assertRefused(write("other.json", "{\"name\":\"x\"}"), "not a sysc result file");
        assertRefused(write("list.json", "[1,2]"), "not a sysc result");
    }

    @Test
    void refusesResultsWithoutSamples() throws IOException {
        assertRefused(
                write("nosamples.json", VALID.replace("\"sample_ns\":[150.0,151.5,149.0]", "\"x\":1")),
                "getpid) has no sample_ns list");
    }

    @Test
    void refusesAFileOverTheSizeLimitBeforeParsing() throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ResultFileReader.MAX_BYTES + 1); // sparse: costs no disk
        }
        assertRefused(big, "more than the 64 MB");
    }

    @Test
    void refusesADirectory() {
        assertRefused(dir, "is a directory");
    }
}
