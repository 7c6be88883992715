package dev.sysc.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.host.HostInfo;
import org.junit.jupiter.api.Test;

/**
 * The five cases where a substring match marked a step active that does not run, and the strings around
 * them: one recorded host each (src/test/resources/hosts), the step's state asserted against the kernel's
 * exact strings.
 */
class FalseActivationTest {
    private static final CallInfo GETPPID =
            new CallInfo("getppid", "libc", CallInfo.Kind.KERNEL, "mode-switch", "the parent's process id");

    private final Explainer explainer = Explainer.builtIn();

    private Activation step(String host, String id) {
        return explainer.call(GETPPID, Hosts.read(host)).steps().stream()
                .filter(s -> s.step().id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step " + id))
                .activation();
    }

    private VulnerabilityRow row(String host, String file) {
        return explainer.machine(Hosts.read(host)).vulnerabilities().stream()
                .filter(r -> r.file().equals(file))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + file));
    }

    @Test
    void mmioStaleDataAloneClearsBuffersOnlyBeforeAGuest() {
        // Ice Lake: MMIO stale data, not MDS or TAA; the kernel enables cpu_buf_vm_clear only.
        Activation verw = step("intel-icelake-mmio", "exit-verw");
        assertThat(verw.active()).isFalse();
        assertThat(verw.reason()).contains("mds: \"Not affected\"");
        assertThat(row("intel-icelake-mmio", "mmio_stale_data").onPath().active())
                .isFalse();
        // The same file on a CPU that also has MDS: the VERW is MDS's, and the mds file says so.
        assertThat(step("intel-spectre-lfence", "exit-verw").active()).isTrue();
        assertThat(step("intel-spectre-lfence", "exit-verw").reason())
                .startsWith("mds: \"Mitigation: Clear CPU buffers");
    }

    @Test
    void tsaVmModeAndMissingMicrocodeAreNotOnThePath() {
        Activation vm = step("amd-zen4-tsa-vm", "exit-verw");
        assertThat(vm.active()).isFalse();
        assertThat(vm.reason()).contains("tsa: \"Mitigation: Clear CPU buffers: VM\"");
        Activation noMicrocode = step("amd-zen3-tsa-noucode", "exit-verw");
        assertThat(noMicrocode.active()).isFalse();
        assertThat(noMicrocode.reason()).contains("tsa: \"Vulnerable: Clear CPU buffers attempted, no microcode\"");
        // The user/kernel mode is on the path.
        HostInfo userKernel = withVulnerability(
                Hosts.read("amd-zen4-tsa-vm"), "tsa", "Mitigation: Clear CPU buffers: user/kernel boundary");
        assertThat(Conditions.evaluate(
                                KnowledgeBase.builtIn()
                                        .step("exit-verw")
                                        .orElseThrow()
                                        .condition(),
                                userKernel)
                        .active())
                .isTrue();
    }

    @Test
    void srsoMicrocodeWithoutSafeRetRunsNoReturnThunk() {
        Activation thunk = step("amd-zen4-srso-microcode", "entry-untrain-ret");
        assertThat(thunk.active()).isFalse();
        assertThat(thunk.reason()).contains("spec_rstack_overflow: \"Vulnerable: Microcode, no safe RET\"");
        assertThat(step("amd-zen4-srso-microcode", "entry-ibpb").active()).isFalse();
        assertThat(row("amd-zen4-srso-microcode", "spec_rstack_overflow")
                        .onPath()
                        .active())
                .isFalse();
        // Safe RET, with or without microcode, does run it.
        assertThat(step("amd-zen4-tsa-vm", "entry-untrain-ret").active()).isTrue();
        assertThat(step(Hosts.THIS_AMD, "entry-untrain-ret").active()).isTrue();
    }

    @Test
    void itsVmexitOnlyRunsNothingAndAlignedThunksHaveTheirStep() {
        Activation vmexit = step("intel-its-vmexit", "dispatch-its");
        assertThat(vmexit.active()).isFalse();
        assertThat(vmexit.reason())
                .isEqualTo("indirect_target_selection: \"Mitigation: Vulnerable, KVM: Not affected\"");
        assertThat(row("intel-its-vmexit", "indirect_target_selection").onPath().active())
                .isFalse();
        Activation aligned = step("intel-icelake-mmio", "dispatch-its");
        assertThat(aligned.active()).isTrue();
        assertThat(aligned.reason())
                .isEqualTo("indirect_target_selection: \"Mitigation: Aligned branch/return thunks\"");
        assertThat(row("intel-icelake-mmio", "indirect_target_selection")
                        .onPath()
                        .active())
                .isTrue();
    }

    @Test
    void lfenceModesStillRouteIndirectBranchesThroughThunks() {
        Activation lfence = step("intel-spectre-lfence", "dispatch-retpoline");
        assertThat(lfence.active()).isTrue();
        assertThat(lfence.reason()).startsWith("spectre_v2: \"Vulnerable: LFENCE;");
        assertThat(step("intel-spectre-lfence", "entry-bhi").active()).isFalse();
        HostInfo eibrsLfence = withVulnerability(
                Hosts.read("intel-icelake-mmio"),
                "spectre_v2",
                "Mitigation: Enhanced / Automatic IBRS + LFENCE; IBPB: conditional; RSB filling; "
                        + "PBRSB-eIBRS: SW sequence; BHI: BHI_DIS_S");
        assertThat(Conditions.evaluate("state:spectre_v2=indirect-thunk", eibrsLfence)
                        .active())
                .isTrue();
        assertThat(Conditions.evaluate("state:spectre_v2=bhi:loop", eibrsLfence).active())
                .isFalse();
        // Plain eIBRS routes nothing through thunks.
        assertThat(step("intel-icelake-mmio", "dispatch-retpoline").active()).isFalse();
        assertThat(step("intel-icelake-mmio", "entry-bhi").active()).isTrue();
    }

    @Test
    void eibrsWithUnprivilegedEbpfHidesTheBhiState() {
        Activation bhi = step("intel-eibrs-unpriv-ebpf", "entry-bhi");
        assertThat(bhi.active()).isNull();
        assertThat(bhi.reason())
                .isEqualTo("spectre_v2: \"Vulnerable: eIBRS with unprivileged eBPF\" does not say " + "the BHI state");
        assertThat(step("intel-eibrs-unpriv-ebpf", "dispatch-retpoline").active())
                .isFalse();
    }

    @Test
    void unknownStringsAreShownRawAndNeverGuessed() {
        String host = "intel-unknown-strings";
        VulnerabilityRow v2 = row(host, "spectre_v2");
        assertThat(v2.onPath().active()).isNull();
        assertThat(v2.onPath().reason())
                .isEqualTo("\"Mitigation: Hypothetical Future Mode; BHI: BHI_DIS_S\" is " + "unknown to sysc");
        assertThat(step(host, "dispatch-retpoline").active()).isNull();
        assertThat(step(host, "dispatch-retpoline").reason()).contains("is unknown to sysc");
        VulnerabilityRow tsa = row(host, "tsa");
        assertThat(tsa.onPath().active()).isNull();
        assertThat(tsa.onPath().reason()).contains("\"Mitigation: Something Else Entirely\" is unknown to sysc");
        // A "Mitigation: Clear CPU buffers" prefix is not enough: VERW on exit is undecided, not active.
        assertThat(step(host, "exit-verw").active()).isNull();
        // Files the tables know are still read: this CPU is not affected by Meltdown.
        assertThat(row(host, "meltdown").onPath().active()).isFalse();
    }

    @Test
    void oldMicrocodeAndGhostwriteHaveRows() {
        VulnerabilityRow old = row(Hosts.THIS_AMD, "old_microcode");
        assertThat(old.mitigation()).isNotNull();
        assertThat(old.onPath().active()).isFalse();
        VulnerabilityRow ghost = row(Hosts.THIS_AMD, "ghostwrite");
        assertThat(ghost.mitigation()).isNotNull();
        assertThat(ghost.onPath().active()).isFalse();
        HostInfo hypervisor =
                withVulnerability(Hosts.read(Hosts.THIS_AMD), "old_microcode", "Unknown: running under hypervisor");
        VulnerabilityRow underHypervisor = explainer.machine(hypervisor).vulnerabilities().stream()
                .filter(r -> r.file().equals("old_microcode"))
                .findFirst()
                .orElseThrow();
        assertThat(underHypervisor.onPath().active()).isFalse();
    }

    @Test
    void fredReplacesSwapgsStackSwitchAndSysret() {
        Explanation e = explainer.call(GETPPID, Hosts.read("intel-unknown-strings"));
        java.util.Map<String, Boolean> state = new java.util.HashMap<>();
        e.steps().forEach(s -> state.put(s.step().id(), s.activation().active()));
        assertThat(state)
                .containsEntry("hw-fred", true)
                .containsEntry("return-eretu", true)
                .containsEntry("hw-syscall", false)
                .containsEntry("entry-swapgs", false)
                .containsEntry("return-sysret", false)
                .containsEntry("return-iret", false)
                .containsEntry("exit-trampoline", false);
        assertThat(state).containsEntry("dispatch-kstack-offset", true);
        Explanation plain = explainer.call(GETPPID, Hosts.read(Hosts.THIS_AMD));
        AnnotatedStep kstack = plain.steps().stream()
                .filter(s -> s.step().id().equals("dispatch-kstack-offset"))
                .findFirst()
                .orElseThrow();
        assertThat(kstack.activation().active()).isNull();
        assertThat(kstack.activation().reason()).contains("CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT");
        assertThat(plain.steps())
                .filteredOn(s -> s.step().id().equals("exit-trampoline"))
                .allSatisfy(s -> assertThat(s.activation().active()).isTrue());
    }

    static HostInfo withVulnerability(HostInfo h, String file, String status) {
        java.util.Map<String, String> v = new java.util.TreeMap<>(h.vulnerabilities());
        v.put(file, status);
        return new HostInfo(
                h.hostname(),
                h.kernel(),
                h.arch(),
                h.cpuModel(),
                h.cpus(),
                h.clocksource(),
                h.virtualized(),
                h.cmdline(),
                h.cpuFlags(),
                v,
                h.seccomp(),
                h.smt(),
                h.vdsoMapped(),
                h.vsyscall(),
                h.speculationStoreBypass(),
                h.speculationIndirectBranch());
    }
}
