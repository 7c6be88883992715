package dev.sysc.report;

import dev.sysc.compare.RunComparison;
import dev.sysc.compare.RunDiff;
import dev.sysc.compare.SavedResult;
import dev.sysc.compare.SavedRun;
import dev.sysc.host.HostInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The diff of two fixed runs, rendered and compared byte for byte with golden files. After an intended
 * change of the output, regenerate them with {@code mvn test -Dtest=DiffReportGoldenTest -Dgolden.update=true}
 * and review the difference (see {@link Golden}).
 */
class DiffReportGoldenTest {
    private static final HostInfo A = new HostInfo(
            "lab1",
            "6.1.0",
            "x86_64",
            "Intel(R) Xeon(R) E5-2676 v3",
            2,
            "xen",
            true,
            "ro quiet",
            List.of("pti", "pcid"),
            Map.of("meltdown", "Mitigation: PTI", "mds", "Mitigation: Clear CPU buffers; SMT Host state unknown"),
            "unknown",
            "unknown",
            false,
            "unknown",
            null,
            null);
    private static final HostInfo B = new HostInfo(
            "lab1",
            "6.1.0",
            "x86_64",
            "Intel(R) Xeon(R) E5-2676 v3",
            2,
            "xen",
            true,
            "ro quiet mitigations=off",
            List.of("pti", "pcid"),
            Map.of("meltdown", "Vulnerable", "mds", "Vulnerable; SMT Host state unknown"),
            "unknown",
            "unknown",
            false,
            "unknown",
            null,
            null);

    private static double[] ramp(double start, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + (i % 10) * 0.5;
        }
        return v;
    }

    private static RunDiff diff() {
        SavedRun a = new SavedRun(
                "boot-default.json",
                "2026-11-27T10:00:00Z",
                A,
                List.of(
                        new SavedResult("getpid", "libc", true, 0, 420, ramp(430, 40)),
                        new SavedResult("clock_gettime", "libc", true, 0, 900, ramp(910, 40)),
                        new SavedResult("read", "libc", true, 0, 700, ramp(710, 40))));
        SavedRun b = new SavedRun(
                "boot-mitigations-off.json",
                "2026-11-27T11:00:00Z",
                B,
                List.of(
                        new SavedResult("getpid", "libc", true, 0, 100, ramp(110, 40)),
                        new SavedResult("clock_gettime", "libc", true, 0, 900, ramp(910, 40)),
                        new SavedResult("mmap_munmap", "libc", true, 0, 2000, ramp(2010, 40))));
        return RunComparison.diff(a, b);
    }

    private static String render(Format format) {
        return DiffReport.render(
                List.of(diff()), format, Style.NONE, 80, "0.1.0-test", java.time.Instant.parse("2026-11-27T12:00:00Z"));
    }

    @Test
    void table() throws Exception {
        Golden.assertGolden("diff.txt", render(Format.TABLE));
    }

    @Test
    void json() throws Exception {
        Golden.assertGolden("diff.json", render(Format.JSON));
    }

    @Test
    void markdown() throws Exception {
        Golden.assertGolden("diff.md", render(Format.MARKDOWN));
    }

    @Test
    void csv() throws Exception {
        Golden.assertGolden("diff.csv", render(Format.CSV));
    }
}
