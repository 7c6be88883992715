package dev.sysc.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.host.HostInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The condition language against hand-built hosts and the recorded fixtures. */
class ConditionsTest {
    private static HostInfo host(Map<String, String> vulns, List<String> flags, String cmdline) {
        return new HostInfo("h", "6.1", "x86_64", "cpu", 2, "tsc", false, cmdline, flags, vulns, "disabled", "on",
                true, "none", "thread vulnerable", "conditional enabled");
    }

    @Test
    void vulnTermMatchesTextAndNamesFileAndStatus() {
        HostInfo h = host(Map.of("meltdown", "Mitigation: PTI"), List.of("pcid"), "quiet");
        Activation a = Conditions.evaluate("vuln:meltdown~PTI", h);
        assertThat(a.active()).isTrue();
        assertThat(a.reason()).isEqualTo("meltdown: \"Mitigation: PTI\"");
        assertThat(Conditions.evaluate("vuln:meltdown~pti", h).active()).as("case-insensitive").isTrue();
        assertThat(Conditions.evaluate("vuln:mds~Clear", h).active()).as("missing file").isNull();
    }

    @Test
    void andOrAndNot() {
        HostInfo h = host(Map.of("meltdown", "Mitigation: PTI"), List.of("pcid"), "quiet");
        assertThat(Conditions.evaluate("vuln:meltdown~PTI & flag:pcid", h).active()).isTrue();
        assertThat(Conditions.evaluate("vuln:meltdown~PTI & !flag:pcid", h).active()).isFalse();
        assertThat(Conditions.evaluate("flag:ibrs | vuln:meltdown~PTI", h).active()).isTrue();
        assertThat(Conditions.evaluate("flag:ibrs | vuln:meltdown~Vulnerable", h).active()).isFalse();
        assertThat(Conditions.evaluate("vuln:mds~Clear | vuln:tsa~Clear", h).active()).isNull();
        assertThat(Conditions.evaluate("vuln:mds~Clear | flag:ibrs", h).active()).isFalse();
    }

    @Test
    void cmdlineIgnoresWordsForInit() {
        HostInfo h = host(Map.of(), List.of(), "ro nopti -- mitigations=off");
        assertThat(Conditions.evaluate("cmdline:nopti", h).active()).isTrue();
        assertThat(Conditions.evaluate("cmdline:mitigations=off", h).active()).isFalse();
    }

    @Test
    void unknownHostGivesNotApplicable() {
        HostInfo h = HostInfo.unknown();
        assertThat(Conditions.evaluate("vuln:meltdown~PTI", h).active()).isNull();
        assertThat(Conditions.evaluate("flag:pcid", h).active()).isNull();
        assertThat(Conditions.evaluate("clocksource:vdso-capable", h).active()).isNull();
        assertThat(Conditions.evaluate("seccomp:filter", h).active()).isNull();
        assertThat(Conditions.evaluate("vdso:mapped", h).active()).isNull();
        assertThat(Conditions.evaluate("always", h).active()).isTrue();
        assertThat(Conditions.evaluate("per-call", h).active()).isNull();
    }

    @Test
    void mitigationsOffIsNamedInTheReason() {
        HostInfo off = Hosts.read(Hosts.INTEL_OFF);
        Activation a = Conditions.evaluate("vuln:meltdown~PTI", off);
        assertThat(a.active()).isFalse();
        assertThat(a.reason()).contains("meltdown: \"Vulnerable\"").contains("mitigations=off");
    }

    @Test
    void prctlTogglesFollowProcSelfStatus() {
        assertThat(SpeculationToggles.storeBypass(Hosts.read(Hosts.AMD_SRSO)).availability().active()).isTrue();
        SpeculationToggles.Toggle here = SpeculationToggles.storeBypass(Hosts.read(Hosts.THIS_AMD));
        assertThat(here.availability().active()).isFalse();
        assertThat(here.availability().reason()).contains("\"vulnerable\"").contains("spec_store_bypass: \"Vulnerable\"");
        SpeculationToggles.Toggle ib = SpeculationToggles.indirectBranch(Hosts.read(Hosts.THIS_AMD));
        assertThat(ib.availability().active()).isFalse();
        assertThat(ib.availability().reason()).contains("always enabled");
        assertThat(SpeculationToggles.indirectBranch(Hosts.read(Hosts.AMD_SRSO)).availability().active()).isNull();
        assertThat(SpeculationToggles.storeBypass(Hosts.read(Hosts.INTEL_OFF)).availability().active()).isTrue();
    }
}
