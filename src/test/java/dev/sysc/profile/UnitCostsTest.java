package dev.sysc.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.probe.CallRef;
import dev.sysc.probe.Catalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which catalog call stands for a system call, the floor for the others, and the cache. */
class UnitCostsTest {
    @TempDir
    Path tmp;

    private final List<String> measured = new ArrayList<>();
    private final UnitCosts.Measurer fake = calls -> {
        Map<String, Double> m = new HashMap<>();
        for (CallRef c : calls) {
            measured.add(c.id());
            if (!c.name().equals("access")) { // access "fails": it is left out of the answer
                m.put(c.id(), c.name().equals("enosys") ? 40.0 : 90.0);
            }
        }
        return m;
    };

    private UnitCosts costs(Path cache) {
        return new UnitCosts(Catalog.builtIn(), fake, cache);
    }

    @Test
    void aSystemCallIsCostedByTheCatalogCallThatMakesItOnItsSyscallPath() {
        UnitCosts c = costs(null);

        assertThat(c.callFor("getppid").map(CallRef::id)).contains("getppid@syscall");
        assertThat(c.callFor("clock_gettime").map(CallRef::id)).contains("clock_gettime@syscall");
        assertThat(c.callFor("pread64").map(CallRef::id)).contains("pread@syscall");
        assertThat(c.callFor("prlimit64").map(CallRef::id)).contains("getrlimit@syscall");
        // Entries that make two calls (dup_close, pipe_roundtrip) stand for neither.
        assertThat(c.callFor("dup")).isEmpty();
        assertThat(c.callFor("set_tid_address")).isEmpty();
    }

    @Test
    void prepareMeasuresEveryCallThatStandsForASystemCallAndTheFloorOnce() {
        UnitCosts c = costs(null);
        c.prepare();

        assertThat(measured)
                .contains("getppid@syscall", "clock_gettime@syscall", "pread@syscall", "enosys@syscall")
                .doesNotContain("dup_close@syscall", "ffi-noop@libc")
                .doesNotHaveDuplicates();
        int first = measured.size();
        c.prepare();
        assertThat(measured).hasSize(first + 1).endsWith("access@syscall"); // only the one that failed, again
    }

    @Test
    void callsWithoutAnEntryOrWhoseMeasurementFailedCostTheFloor() {
        UnitCosts c = costs(null);
        c.prepare();
        UnitCosts.Table t = c.costs(List.of("getppid", "set_tid_address", "access"));

        assertThat(t.floorNs()).isEqualTo(40.0);
        assertThat(t.of("getppid")).isEqualTo(new UnitCost(90.0, "measured:getppid"));
        assertThat(t.of("set_tid_address")).isEqualTo(new UnitCost(40.0, "floor"));
        assertThat(t.of("access")).isEqualTo(new UnitCost(40.0, "floor"));
    }

    @Test
    void theCacheFileIsPerHostAndKernelAndASecondRunMeasuresNothingItHas() {
        Path cache = UnitCosts.cacheFile(tmp, "host a", "6.1.0-1/x");
        costs(cache).prepare();
        measured.clear();

        UnitCosts second = costs(cache);
        second.prepare();

        assertThat(cache.getFileName().toString()).isEqualTo("unit-costs-host_a-6.1.0-1_x.tsv");
        assertThat(measured).containsExactly("access@syscall");
        assertThat(second.costs(List.of("getppid")).of("getppid").ns()).isEqualTo(90.0);
        assertThat(second.costs(List.of()).floorNs()).isEqualTo(40.0);
    }
}
