package dev.sysc.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sysc.host.HostInfo;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostReaderTest {

    private static HostInfo fixture(String name) throws URISyntaxException {
        URL url = HostReaderTest.class.getResource("/hosts/" + name);
        assertThat(url).as("fixture %s on the test classpath", name).isNotNull();
        return new HostReader(Path.of(url.toURI())).read();
    }

    @Test
    void readsThisAmdEpycVm() throws Exception {
        HostInfo h = fixture("this-amd-epyc");

        assertThat(h.hostname()).isEqualTo("vm");
        assertThat(h.kernel()).isEqualTo("6.18.44-fc-v669");
        assertThat(h.arch()).isEqualTo("x86_64");
        assertThat(h.cpuModel()).isEqualTo("AMD EPYC");
        assertThat(h.cpus()).isEqualTo(2);
        assertThat(h.clocksource()).isEqualTo("tsc");
        assertThat(h.vdsoClockUsable()).isTrue();
        assertThat(h.virtualized()).isTrue();
        assertThat(h.cmdline())
                .startsWith("mitigations=auto,no_guest_host,no_guest_guest console=ttyS0")
                .contains("rdinit=/process_api -- --firecracker-init");
        assertThat(h.cpuFlags())
                .containsExactly(
                        "pcid",
                        "invpcid",
                        "smep",
                        "smap",
                        "umip",
                        "rdpid",
                        "fsgsbase",
                        "hypervisor",
                        "constant_tsc",
                        "nonstop_tsc",
                        "tsc_known_freq");
        assertThat(h.vulnerabilities())
                .hasSize(19)
                .containsEntry("meltdown", "Not affected")
                .containsEntry("spec_rstack_overflow", "Vulnerable: Safe RET, no microcode")
                .containsEntry("spec_store_bypass", "Vulnerable")
                .containsEntry(
                        "spectre_v2",
                        "Mitigation: Retpolines; STIBP: disabled; RSB filling;"
                                + " PBRSB-eIBRS: Not affected; BHI: Not affected")
                .containsEntry("vmscape", "Not affected");
        assertThat(h.vulnerabilities().keySet()).first().isEqualTo("gather_data_sampling");
        assertThat(h.seccomp()).isEqualTo("disabled");
        assertThat(h.smt()).isEqualTo("notsupported");
        assertThat(h.vdsoMapped()).isTrue();
        assertThat(h.vsyscall()).isEqualTo("mapped");
        assertThat(h.speculationStoreBypass()).isEqualTo("vulnerable");
        assertThat(h.speculationIndirectBranch()).isEqualTo("always enabled");
    }

    @Test
    void readsSpeculationControlLinesAndMarksMissingOnesUnknown() throws Exception {
        HostInfo amd = fixture("amd-srso-safe-ret");
        assertThat(amd.speculationStoreBypass()).isEqualTo("thread vulnerable");
        assertThat(amd.speculationIndirectBranch()).isEqualTo(HostInfo.UNKNOWN);
    }

    @Test
    void readsIntelXenGuestWithPti() throws Exception {
        HostInfo h = fixture("intel-pti-xen");

        assertThat(h.hostname()).isEqualTo("ip-10-0-1-17");
        assertThat(h.kernel()).isEqualTo("5.10.219-208.866.amzn2.x86_64");
        assertThat(h.cpuModel()).isEqualTo("Intel(R) Xeon(R) CPU E5-2676 v3 @ 2.40GHz");
        assertThat(h.cpus()).isEqualTo(2);
        assertThat(h.clocksource()).isEqualTo("xen");
        assertThat(h.vdsoClockUsable()).isFalse();
        assertThat(h.virtualized()).isTrue();
        // invpcid_single in the raw flags must not be mistaken for invpcid's position.
        assertThat(h.cpuFlags())
                .containsExactly(
                        "pti",
                        "pcid",
                        "invpcid",
                        "ibrs",
                        "ibpb",
                        "stibp",
                        "ssbd",
                        "md_clear",
                        "smep",
                        "fsgsbase",
                        "hypervisor",
                        "constant_tsc");
        assertThat(h.vulnerabilities())
                .containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                        Map.entry("itlb_multihit", "KVM: Mitigation: VMX unsupported"),
                        Map.entry("l1tf", "Mitigation: PTE Inversion"),
                        Map.entry("mds", "Mitigation: Clear CPU buffers; SMT Host state unknown"),
                        Map.entry("meltdown", "Mitigation: PTI"),
                        Map.entry("mmio_stale_data", "Unknown: No mitigations"),
                        Map.entry("retbleed", "Not affected"),
                        Map.entry(
                                "spec_store_bypass",
                                "Mitigation: Speculative Store Bypass disabled via prctl and seccomp"),
                        Map.entry("spectre_v1", "Mitigation: usercopy/swapgs barriers and __user pointer sanitization"),
                        Map.entry(
                                "spectre_v2",
                                "Mitigation: Retpolines, IBPB: conditional, IBRS_FW, STIBP: disabled,"
                                        + " RSB filling, PBRSB-eIBRS: Not affected"),
                        Map.entry("srbds", "Not affected"),
                        Map.entry("tsx_async_abort", "Not affected"))));
        assertThat(h.seccomp()).isEqualTo("filter");
        assertThat(h.smt()).isEqualTo("notsupported");
        assertThat(h.vdsoMapped()).isTrue();
        assertThat(h.vsyscall()).isEqualTo("none");
    }

    @Test
    void readsBareMetalIntelWithMitigationsOff() throws Exception {
        HostInfo h = fixture("intel-mitigations-off");

        assertThat(h.kernel()).isEqualTo("6.1.0-18-amd64");
        assertThat(h.cpuModel()).isEqualTo("Intel(R) Core(TM) i7-8700K CPU @ 3.70GHz");
        assertThat(h.cpus()).isEqualTo(12);
        assertThat(h.clocksource()).isEqualTo("tsc");
        assertThat(h.vdsoClockUsable()).isTrue();
        assertThat(h.virtualized()).isFalse();
        assertThat(h.cmdline()).endsWith("ro quiet mitigations=off");
        assertThat(h.cpuFlags())
                .containsExactly(
                        "pcid",
                        "invpcid",
                        "ibrs",
                        "ibpb",
                        "stibp",
                        "ssbd",
                        "md_clear",
                        "flush_l1d",
                        "arch_capabilities",
                        "smep",
                        "smap",
                        "fsgsbase",
                        "constant_tsc",
                        "nonstop_tsc");
        assertThat(h.cpuFlags()).doesNotContain("pti", "hypervisor");
        assertThat(h.vulnerabilities())
                .containsEntry("meltdown", "Vulnerable")
                .containsEntry("mds", "Vulnerable; SMT vulnerable")
                .containsEntry(
                        "spectre_v2",
                        "Vulnerable; IBPB: disabled; STIBP: disabled; PBRSB-eIBRS: Not affected; BHI: Vulnerable")
                .containsEntry("l1tf", "Vulnerable")
                .containsEntry("retbleed", "Vulnerable");
        assertThat(h.seccomp()).isEqualTo("disabled");
        assertThat(h.smt()).isEqualTo("on");
        assertThat(h.vdsoMapped()).isTrue();
        assertThat(h.vsyscall()).isEqualTo("mapped");
    }

    @Test
    void readsAmdZen3WithSafeRet() throws Exception {
        HostInfo h = fixture("amd-srso-safe-ret");

        assertThat(h.hostname()).isEqualTo("epyc-build-07");
        assertThat(h.kernel()).isEqualTo("6.8.0-45-generic");
        assertThat(h.cpuModel()).isEqualTo("AMD EPYC 7763 64-Core Processor");
        assertThat(h.cpus()).isEqualTo(4);
        assertThat(h.clocksource()).isEqualTo("tsc");
        assertThat(h.vdsoClockUsable()).isTrue();
        assertThat(h.virtualized()).isFalse();
        // v_spec_ctrl is an SVM feature, not spec_ctrl.
        assertThat(h.cpuFlags())
                .containsExactly(
                        "pcid",
                        "invpcid",
                        "ibrs",
                        "ibpb",
                        "stibp",
                        "ssbd",
                        "user_shstk",
                        "smep",
                        "smap",
                        "umip",
                        "rdpid",
                        "fsgsbase",
                        "constant_tsc",
                        "nonstop_tsc");
        assertThat(h.vulnerabilities())
                .containsEntry("spec_rstack_overflow", "Mitigation: Safe RET")
                .containsEntry("retbleed", "Not affected")
                .containsEntry("meltdown", "Not affected")
                .containsEntry(
                        "spectre_v2",
                        "Mitigation: Retpolines; IBPB: conditional; IBRS_FW;"
                                + " STIBP: always-on; RSB filling; PBRSB-eIBRS: Not affected; BHI: Not affected");
        assertThat(h.seccomp()).isEqualTo("disabled");
        assertThat(h.smt()).isEqualTo("on");
        assertThat(h.vdsoMapped()).isTrue();
        // The boot parameter is more precise than the bare presence of the [vsyscall] mapping.
        assertThat(h.vsyscall()).isEqualTo("xonly");
    }

    @Test
    void emptyRootGivesUnknownHost(@TempDir Path empty) {
        HostInfo h = new HostReader(empty).read();

        assertThat(h).isEqualTo(HostInfo.unknown());
        assertThat(h.hostname()).isEqualTo("unknown");
        assertThat(h.kernel()).isEqualTo("unknown");
        assertThat(h.arch()).isEqualTo("unknown");
        assertThat(h.cpuModel()).isEqualTo("unknown");
        assertThat(h.cpus()).isZero();
        assertThat(h.clocksource()).isEqualTo("unknown");
        assertThat(h.virtualized()).isNull();
        assertThat(h.cmdline()).isEqualTo("unknown");
        assertThat(h.cpuFlags()).isEmpty();
        assertThat(h.vulnerabilities()).isEmpty();
        assertThat(h.seccomp()).isEqualTo("unknown");
        assertThat(h.smt()).isEqualTo("unknown");
        assertThat(h.vdsoMapped()).isFalse();
        assertThat(h.vsyscall()).isEqualTo("unknown");
        assertThat(h.vdsoClockUsable()).isFalse();
    }

    @Test
    void nonexistentRootDoesNotThrow(@TempDir Path dir) {
        assertThat(new HostReader(dir.resolve("missing")).read()).isEqualTo(HostInfo.unknown());
    }

    @Test
    void hypervisorTypeFileAloneMeansVirtualized(@TempDir Path root) throws IOException {
        write(root, "sys/hypervisor/type", "xen\n");
        assertThat(new HostReader(root).read().virtualized()).isTrue();
    }

    @Test
    void cmdlineAfterDoubleDashIsNotAKernelParameter(@TempDir Path root) throws IOException {
        write(root, "proc/cmdline", "ro vsyscall=emulate quiet -- vsyscall=none\n");
        write(root, "proc/self/maps", "7ffd5b8e4000-7ffd5b905000 rw-p 00000000 00:00 0   [stack]\n");
        HostInfo h = new HostReader(root).read();
        assertThat(h.vsyscall()).isEqualTo("emulate");
        assertThat(h.vdsoMapped()).isFalse();
    }

    @Test
    void collectionsAreImmutableAndVulnerabilitiesSorted() throws Exception {
        HostInfo h = fixture("intel-pti-xen");
        assertThat(List.copyOf(h.vulnerabilities().keySet())).isSorted();
        assertThatThrownBy(() -> h.cpuFlags().add("fred")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> h.vulnerabilities().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readsTheLiveMachine() throws IOException {
        Path osrelease = Path.of("/proc/sys/kernel/osrelease");
        assumeTrue(Files.isReadable(osrelease), "needs a Linux /proc");

        HostInfo h = HostReader.live().read();

        assertThat(h.kernel())
                .isEqualTo(Files.readString(osrelease, StandardCharsets.UTF_8).trim());
        assertThat(h.cpus()).isPositive();
        assertThat(h.arch()).isNotEqualTo("unknown");
        Path vulnDir = Path.of("/sys/devices/system/cpu/vulnerabilities");
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(vulnDir)) {
            try (Stream<Path> files = Files.list(vulnDir)) {
                names = files.filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString())
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        }
        assertThat(h.vulnerabilities().keySet()).containsExactlyElementsOf(List.copyOf(names));
    }

    private static void write(Path root, String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }
}
