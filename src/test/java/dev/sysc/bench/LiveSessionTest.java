package dev.sysc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.probe.Catalog;
import dev.sysc.probe.LoopKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveSessionTest {
    @Test
    void readsTheHostOnceAndRemovesTheWorkspaceItsCallsUsed() {
        MeasureSpec quick = new MeasureSpec(Duration.ofMillis(5), Duration.ofMillis(2), 0, -1, true, LoopKind.NATIVE);
        Path dir;
        try (LiveSession session = LiveSession.open(MeasureListener.NONE)) {
            assertThat(session.host()).isSameAs(session.host());
            List<CallResult> results = session.runner(LoopKind.NATIVE)
                    .measure(
                            List.of(Catalog.builtIn().resolve("read")),
                            quick,
                            session.host().vdsoClockUsable());
            assertThat(results)
                    .singleElement()
                    .satisfies(r -> assertThat(r.ok()).as(r.failure()).isTrue());
            dir = session.workspace().dir();
            assertThat(dir).isDirectory();
        }
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void measureRunRecordsTheSessionsHostAndTheBridgeAfterNativeResults() {
        MeasureSpec quick = new MeasureSpec(Duration.ofMillis(5), Duration.ofMillis(2), 0, -1, true, LoopKind.NATIVE);
        try (LiveSession session = LiveSession.open(MeasureListener.NONE)) {
            MeasureRun run = session.measureRun(
                    "test",
                    quick,
                    (runner, host) -> runner.measure(
                            List.of(Catalog.builtIn().resolve("getpid")), quick, host.vdsoClockUsable()));
            assertThat(run.host()).isSameAs(session.host());
            assertThat(run.results())
                    .singleElement()
                    .satisfies(r -> assertThat(r.ok()).isTrue());
            assertThat(run.bridge()).isNotNull();
        }
    }

    @Test
    void sideBySideKeepsTheOrderGivenAndTimesTheBridgeOnTheJavaLoop() {
        MeasureSpec quick = new MeasureSpec(Duration.ofMillis(5), Duration.ofMillis(2), 0, -1, true, LoopKind.NATIVE);
        Catalog catalog = Catalog.builtIn();
        try (LiveSession session = LiveSession.open(MeasureListener.NONE)) {
            List<CallResult> results = session.sideBySide(
                    List.of(catalog.resolve("enosys"), catalog.resolve("ffi-noop"), catalog.resolve("getppid")), quick);
            assertThat(results).extracting(CallResult::name).containsExactly("enosys", "ffi-noop", "getppid");
            assertThat(results)
                    .allSatisfy(r -> assertThat(r.ok()).as(r.failure()).isTrue());
            assertThat(results)
                    .extracting(CallResult::loop)
                    .containsExactly(LoopKind.NATIVE.id(), LoopKind.JAVA.id(), LoopKind.NATIVE.id());
        }
    }
}
