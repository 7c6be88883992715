package dev.sysc.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.host.HostInfo;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunComparisonTest {
    static final HostInfo HOST = new HostInfo(
            "box",
            "6.1.0",
            "x86_64",
            "Test CPU",
            4,
            "tsc",
            true,
            "quiet mitigations=auto -- mitigations=off",
            List.of(),
            Map.of("meltdown", "Not affected", "spectre_v2", "Mitigation: Retpolines"),
            "unknown",
            "unknown",
            false,
            "unknown",
            null,
            null);

    /** Samples around {@code center} with a long right tail, like real syscall samples. */
    static double[] samples(double center, long seed, int n) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = center + Math.abs(random.nextGaussian()) * center * 0.02 + (random.nextInt(50) == 0 ? center : 0);
        }
        return v;
    }

    static double[] scaled(double[] v, double factor) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }

    static SavedRun run(String file, HostInfo host, SavedResult... results) {
        return new SavedRun(file, "2026-11-27T10:00:00Z", host, List.of(results));
    }

    private static SavedResult result(String name, String path, double[] samples) {
        return new SavedResult(name, path, true, 0, 0, samples);
    }

    @Test
    void aRunComparedWithItselfChangesNothing() {
        SavedRun a = run(
                "a.json",
                HOST,
                result("getpid", "libc", samples(150, 1, 3000)),
                result("getppid", "libc", samples(170, 2, 3000)),
                result("enosys", "syscall", samples(120, 3, 3000)));
        RunDiff d = RunComparison.diff(a, a);
        assertThat(d.rows()).hasSize(3).allSatisfy(r -> {
            assertThat(r.significant()).isFalse();
            assertThat(r.verdict()).isEqualTo("~");
            assertThat(r.delta()).isZero();
        });
        assertThat(d.hostDifferences()).isEmpty();
        assertThat(d.unmatched()).isEmpty();
    }

    @Test
    void getpidScaledByFortyPercentIsTheOnlySignificantRow() {
        double[] getpid = samples(150, 1, 3000);
        double[] getppid = samples(170, 2, 3000);
        SavedRun a = run("a.json", HOST, result("getpid", "libc", getpid), result("getppid", "libc", getppid));
        SavedRun b =
                run("b.json", HOST, result("getpid", "libc", scaled(getpid, 1.4)), result("getppid", "libc", getppid));
        RunDiff d = RunComparison.diff(a, b);
        DiffRow pid = d.rows().get(0);
        assertThat(pid.name()).isEqualTo("getpid");
        assertThat(pid.significant()).isTrue();
        assertThat(pid.pValue()).isLessThan(0.01);
        assertThat(pid.delta()).isCloseTo(0.40, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(pid.verdict()).isEqualTo("+40.0%");
        assertThat(d.rows().get(1).verdict()).isEqualTo("~");
    }

    @Test
    void independentSamplesOfOneDistributionAreUsuallyNotSignificant() {
        SavedRun a = run("a.json", HOST, result("getpid", "libc", samples(150, 11, 2000)));
        SavedRun b = run("b.json", HOST, result("getpid", "libc", samples(150, 12, 2000)));
        assertThat(RunComparison.diff(a, b).rows().get(0).verdict()).isEqualTo("~");
    }

    @Test
    void aSignificantButTinyChangeIsStillTilde() {
        double[] v = samples(150, 1, 5000);
        SavedRun a = run("a.json", HOST, result("getpid", "libc", v));
        SavedRun b = run("b.json", HOST, result("getpid", "libc", scaled(v, 1.005)));
        DiffRow r = RunComparison.diff(a, b).rows().get(0);
        assertThat(r.significant()).isFalse();
        assertThat(r.verdict()).isEqualTo("~");
    }

    @Test
    void callsInOnlyOneRunAreListedNotDropped() {
        SavedRun a = run(
                "a.json",
                HOST,
                result("getpid", "libc", samples(150, 1, 100)),
                result("read", "libc", samples(290, 2, 100)));
        SavedRun b = run(
                "b.json",
                HOST,
                result("getpid", "libc", samples(150, 1, 100)),
                result("getpid", "syscall", samples(150, 3, 100)),
                new SavedResult("read", "libc", true, 1, Double.NaN, new double[0]));
        RunDiff d = RunComparison.diff(a, b);
        assertThat(d.rows()).extracting(DiffRow::id).containsExactly("getpid@libc");
        assertThat(d.unmatched())
                .containsExactly(
                        new Unmatched("read@libc", "no samples in b.json"),
                        new Unmatched("getpid@syscall", "only in b.json"));
    }

    @Test
    void hostDifferencesNameWhatChanged() {
        HostInfo other = new HostInfo(
                "box2",
                "6.8.0",
                "x86_64",
                "Other CPU",
                4,
                "xen",
                true,
                "quiet mitigations=off nopti",
                List.of(),
                Map.of("meltdown", "Vulnerable", "spectre_v2", "Mitigation: Retpolines", "tsa", "Not affected"),
                "unknown",
                "unknown",
                false,
                "unknown",
                null,
                null);
        List<HostDifference> diffs = HostDifferences.between(HOST, other);
        assertThat(diffs)
                .containsExactly(
                        new HostDifference("kernel", "6.1.0", "6.8.0"),
                        new HostDifference("cpu_model", "Test CPU", "Other CPU"),
                        new HostDifference("clocksource", "tsc", "xen"),
                        new HostDifference("cmdline.mitigations", "auto", "off"),
                        new HostDifference("cmdline.nopti", "(not set)", "(set)"),
                        new HostDifference("vulnerabilities.meltdown", "Not affected", "Vulnerable"),
                        new HostDifference("vulnerabilities.tsa", "(not set)", "Not affected"));
    }
}
