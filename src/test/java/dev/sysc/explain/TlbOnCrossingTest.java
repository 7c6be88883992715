package dev.sysc.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.host.HostInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlbOnCrossingTest {
    private static HostInfo host(List<String> flags, Map<String, String> vulnerabilities) {
        return new HostInfo(
                "h",
                "6.1.0",
                "x86_64",
                "cpu",
                2,
                "tsc",
                false,
                "",
                flags,
                vulnerabilities,
                "0",
                "off",
                true,
                "none",
                "unknown",
                "unknown");
    }

    @Test
    void aCpuNotAffectedByMeltdownSwitchesNoPageTables() {
        Activation a = TlbOnCrossing.flushes(Hosts.read(Hosts.THIS_AMD));
        assertThat(a.active()).isFalse();
        assertThat(a.reason()).startsWith("PTI is off");
    }

    @Test
    void ptiWithPcidTagsTheEntriesInsteadOfFlushing() {
        Activation a = TlbOnCrossing.flushes(Hosts.read(Hosts.INTEL_PTI_XEN));
        assertThat(a.active()).isFalse();
        assertThat(a.reason()).contains("PTI is on").contains("PCID");
    }

    @Test
    void ptiWithoutPcidFlushesOnEveryCrossing() {
        Activation a = TlbOnCrossing.flushes(host(List.of("pti", "ibpb"), Map.of("meltdown", "Mitigation: PTI")));
        assertThat(a.active()).isTrue();
    }

    @Test
    void unrecordedStateIsUnknown() {
        assertThat(TlbOnCrossing.flushes(host(List.of(), Map.of())).active()).isNull();
        assertThat(TlbOnCrossing.flushes(host(List.of(), Map.of("meltdown", "Mitigation: PTI")))
                        .active())
                .isNull();
    }
}
