package dev.sysc.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.host.HostInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The condition language against hand-built hosts and the recorded fixtures. */
class ConditionsTest {
    private static HostInfo host(Map<String, String> vulns, List<String> flags, String cmdline) {
        return new HostInfo(
                "h",
                "6.1",
                "x86_64",
                "cpu",
                2,
                "tsc",
                false,
                cmdline,
                flags,
                vulns,
                "disabled",
                "on",
                true,
                "none",
                "thread vulnerable",
                "conditional enabled");
    }

    @Test
    void stateTermReadsTheExactStringAndNamesFileAndStatus() {
        HostInfo h = host(Map.of("meltdown", "Mitigation: PTI", "mds", "Not affected"), List.of("pcid"), "quiet");
        Activation a = Conditions.evaluate("state:meltdown=pti", h);
        assertThat(a.active()).isTrue();
        assertThat(a.reason()).isEqualTo("meltdown: \"Mitigation: PTI\"");
        assertThat(Conditions.evaluate("state:mds=verw-exit", h).active()).isFalse();
        Activation missing = Conditions.evaluate("state:tsa=verw-exit", h);
        assertThat(missing.active())
                .as("a kernel without the file runs no mitigation for it")
                .isFalse();
        assertThat(missing.reason()).isEqualTo("this kernel has no vulnerabilities/tsa");
        // Case matters and substrings do not count: these are not strings the kernel prints.
        HostInfo odd = host(Map.of("meltdown", "mitigation: pti"), List.of(), "quiet");
        assertThat(Conditions.evaluate("state:meltdown=pti", odd).active()).isNull();
        assertThat(Conditions.evaluate("state:meltdown=pti", odd).reason()).endsWith("is unknown to sysc");
        HostInfo srso = host(Map.of("spec_rstack_overflow", "Vulnerable: Microcode, no safe RET"), List.of(), "");
        assertThat(Conditions.evaluate("state:spec_rstack_overflow=untrain-ret", srso)
                        .active())
                .isFalse();
    }

    @Test
    void partsAfterTheStateAreReadInBothSeparatorStyles() {
        HostInfo old = host(
                Map.of(
                        "spectre_v2",
                        "Mitigation: Full generic retpoline, IBPB: conditional, IBRS_FW, "
                                + "STIBP: disabled, RSB filling"),
                List.of(),
                "");
        assertThat(Conditions.evaluate("state:spectre_v2=indirect-thunk", old).active())
                .isTrue();
        assertThat(Conditions.evaluate("state:spectre_v2=bhi:loop", old).active())
                .as("no BHI part")
                .isNull();
        HostInfo now = host(
                Map.of(
                        "spectre_v2",
                        "Mitigation: Retpolines; IBPB: conditional; STIBP: disabled; "
                                + "RSB filling; PBRSB-eIBRS: Not affected; BHI: Vulnerable, KVM: SW loop"),
                List.of(),
                "");
        assertThat(Conditions.evaluate("state:spectre_v2=bhi:loop", now).active())
                .as("loop on VM exit only")
                .isFalse();
        assertThat(Conditions.evaluate("state:spectre_v2=bhi:vmexit", now).active())
                .isTrue();
    }

    @Test
    void andOrAndNot() {
        HostInfo h = host(Map.of("meltdown", "Mitigation: PTI"), List.of("pcid"), "quiet");
        assertThat(Conditions.evaluate("state:meltdown=pti & flag:pcid", h).active())
                .isTrue();
        assertThat(Conditions.evaluate("state:meltdown=pti & !flag:pcid", h).active())
                .isFalse();
        assertThat(Conditions.evaluate("flag:ibrs | state:meltdown=pti", h).active())
                .isTrue();
        assertThat(Conditions.evaluate("flag:ibrs | flag:fred", h).active()).isFalse();
        assertThat(Conditions.evaluate("flag:ibrs | build:not recorded", h).active())
                .as("false or unknown")
                .isNull();
        assertThat(Conditions.evaluate("flag:pcid & build:not recorded", h).active())
                .isNull();
        assertThat(Conditions.evaluate("flag:ibrs & build:not recorded", h).active())
                .isFalse();
    }

    @Test
    void attackVectorsComeFromTheMitigationsArgument() {
        HostInfo here = Hosts.read(Hosts.THIS_AMD);
        assertThat(Conditions.evaluate("attack-vector:user_kernel", here).active())
                .isTrue();
        Activation gh = Conditions.evaluate("attack-vector:guest_host", here);
        assertThat(gh.active()).isFalse();
        assertThat(gh.reason())
                .isEqualTo("mitigations=auto,no_guest_host,no_guest_guest turns off the guest_host, "
                        + "guest_guest attack vectors");
        HostInfo off = host(Map.of(), List.of(), "ro mitigations=off");
        assertThat(Conditions.evaluate("attack-vector:user_kernel", off).active())
                .isFalse();
        assertThat(Conditions.evaluate("attack-vector:user_kernel", host(Map.of(), List.of(), "ro"))
                        .active())
                .isTrue();
        assertThat(Conditions.evaluate("attack-vector:user_kernel", HostInfo.unknown())
                        .active())
                .isNull();
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
        assertThat(Conditions.evaluate("state:meltdown=pti", h).active()).isNull();
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
        Activation a = Conditions.evaluate("state:meltdown=pti", off);
        assertThat(a.active()).isFalse();
        assertThat(a.reason()).contains("meltdown: \"Vulnerable\"").contains("mitigations=off");
    }

    @Test
    void prctlTogglesFollowProcSelfStatus() {
        assertThat(SpeculationToggles.storeBypass(Hosts.read(Hosts.AMD_SRSO))
                        .availability()
                        .active())
                .isTrue();
        SpeculationToggles.Toggle here = SpeculationToggles.storeBypass(Hosts.read(Hosts.THIS_AMD));
        assertThat(here.availability().active()).isFalse();
        assertThat(here.availability().reason())
                .contains("\"vulnerable\"")
                .contains("spec_store_bypass: \"Vulnerable\"");
        SpeculationToggles.Toggle ib = SpeculationToggles.indirectBranch(Hosts.read(Hosts.THIS_AMD));
        assertThat(ib.availability().active()).isFalse();
        assertThat(ib.availability().reason()).contains("always enabled");
        assertThat(SpeculationToggles.indirectBranch(Hosts.read(Hosts.AMD_SRSO))
                        .availability()
                        .active())
                .isNull();
        assertThat(SpeculationToggles.storeBypass(Hosts.read(Hosts.INTEL_OFF))
                        .availability()
                        .active())
                .isTrue();
    }
}
