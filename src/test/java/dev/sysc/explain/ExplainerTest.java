package dev.sysc.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysc.host.HostInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The explanations of the four recorded machines: what the issue says must hold. */
class ExplainerTest {
    private final Explainer explainer = Explainer.builtIn();

    private static final CallInfo GETPPID =
            new CallInfo("getppid", "libc", CallInfo.Kind.KERNEL, "mode-switch", "the parent's process id");
    private static final CallInfo CLOCK =
            new CallInfo("clock_gettime", "libc", CallInfo.Kind.VDSO_CLOCK, "vdso", "the time");

    private static Activation step(Explanation e, String id) {
        return e.steps().stream()
                .filter(s -> s.step().id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step " + id))
                .activation();
    }

    private static List<String> ids(Explanation e) {
        return e.steps().stream().map(s -> s.step().id()).collect(Collectors.toList());
    }

    @Test
    void thisMachineListsEveryVulnerabilityFileWithItsExactStatus() {
        HostInfo h = Hosts.read(Hosts.THIS_AMD);
        Explanation e = explainer.machine(h);
        assertThat(e.vulnerabilities())
                .extracting(VulnerabilityRow::file)
                .containsExactlyElementsOf(h.vulnerabilities().keySet());
        for (VulnerabilityRow r : e.vulnerabilities()) {
            assertThat(r.status()).isEqualTo(h.vulnerabilities().get(r.file()));
        }
        assertThat(e.vulnerabilities()).hasSize(19);
        VulnerabilityRow srso = e.vulnerabilities().stream()
                .filter(r -> r.file().equals("spec_rstack_overflow"))
                .findFirst()
                .orElseThrow();
        assertThat(srso.onPath().active()).isTrue();
        VulnerabilityRow ghost = e.vulnerabilities().stream()
                .filter(r -> r.file().equals("ghostwrite"))
                .findFirst()
                .orElseThrow();
        assertThat(ghost.mitigation()).isNotNull();
        assertThat(ghost.onPath().active()).isFalse();
        assertThat(e.vdsoTime().active()).isTrue();
        assertThat(e.next()).extracting(Hint::id).doesNotContain("next-pti-off", "next-clock-fallback", "next-prctl");
        // Booted with mitigations=auto,no_guest_host,no_guest_guest: those two vectors are named, user_kernel is not.
        assertThat(e.next())
                .extracting(Hint::id)
                .contains("next-vector-guest-host", "next-vector-guest-guest")
                .doesNotContain("next-vector-user-kernel", "next-vector-user-user");
        assertThat(explainer.machine(Hosts.read("intel-eibrs-unpriv-ebpf")).next())
                .extracting(Hint::id)
                .contains("next-vector-user-user", "next-vector-guest-guest")
                .doesNotContain("next-vector-guest-host");
    }

    @Test
    void thisMachinePathHasNoCr3SwitchButTheReturnThunkAndRetpolines() {
        Explanation e = explainer.call(GETPPID, Hosts.read(Hosts.THIS_AMD));
        Activation cr3 = step(e, "entry-cr3");
        assertThat(cr3.active()).isFalse();
        assertThat(cr3.reason()).isEqualTo("meltdown: \"Not affected\"");
        assertThat(step(e, "exit-cr3").active()).isFalse();
        Activation thunk = step(e, "entry-untrain-ret");
        assertThat(thunk.active()).isTrue();
        assertThat(thunk.reason()).isEqualTo("spec_rstack_overflow: \"Vulnerable: Safe RET, no microcode\"");
        assertThat(step(e, "dispatch-retpoline").active()).isTrue();
        assertThat(step(e, "dispatch-retpoline").reason()).startsWith("spectre_v2: \"Mitigation: Retpolines");
        assertThat(step(e, "entry-bhi").active()).isFalse();
        assertThat(step(e, "entry-ibrs").active()).isFalse();
        assertThat(step(e, "exit-verw").active()).isFalse();
        assertThat(step(e, "entry-seccomp").active()).isFalse();
        assertThat(step(e, "return-iret").active()).isNull();
        assertThat(step(e, "hw-syscall").active()).isTrue();
    }

    @Test
    void thisMachineServesClockGettimeFromTheVdsoWithTsc() {
        Explanation e = explainer.call(CLOCK, Hosts.read(Hosts.THIS_AMD));
        assertThat(ids(e)).containsExactly("vdso-map", "vdso-call", "vdso-read-clock", "vdso-fallback");
        assertThat(step(e, "vdso-read-clock").active()).isTrue();
        assertThat(step(e, "vdso-read-clock").reason()).contains("tsc");
        assertThat(step(e, "vdso-fallback").active()).isFalse();
        assertThat(step(e, "vdso-map").reason()).contains("[vdso]");
    }

    @Test
    void intelWithPtiOnXenSwitchesCr3ClearsBuffersAndTheClockDependsOnTheHypervisor() {
        HostInfo h = Hosts.read(Hosts.INTEL_PTI_XEN);
        Explanation path = explainer.call(GETPPID, h);
        assertThat(step(path, "entry-cr3").active()).isTrue();
        assertThat(step(path, "entry-cr3").reason()).isEqualTo("meltdown: \"Mitigation: PTI\"");
        assertThat(step(path, "exit-cr3").active()).isTrue();
        assertThat(step(path, "exit-pcid").active()).isTrue();
        assertThat(step(path, "exit-tlb-flush").active()).isFalse();
        assertThat(step(path, "exit-verw").active()).isTrue();
        assertThat(step(path, "exit-verw").reason()).startsWith("mds: \"Mitigation: Clear CPU buffers");
        assertThat(step(path, "entry-seccomp").active()).isTrue();

        Explanation clock = explainer.call(CLOCK, h);
        // xen has a vDSO clock mode only when Xen reports a stable TSC: the name alone does not decide.
        assertThat(step(clock, "vdso-read-clock").active()).isNull();
        Activation fallback = step(clock, "vdso-fallback");
        assertThat(fallback.active()).isNull();
        assertThat(fallback.reason()).contains("xen").contains("stable TSC");
        assertThat(ids(clock)).contains("hw-syscall", "entry-cr3", "exit-verw");
        assertThat(step(clock, "entry-cr3").active()).isNull();
        assertThat(step(clock, "entry-cr3").reason()).startsWith("only if the vDSO falls back");
        assertThat(explainer.machine(h).next())
                .extracting(Hint::id)
                .contains("next-pti-off")
                .doesNotContain("next-clock-fallback");
        // hpet has no vDSO clock mode at all.
        HostInfo hpet = new HostInfo(
                h.hostname(),
                h.kernel(),
                h.arch(),
                h.cpuModel(),
                h.cpus(),
                "hpet",
                h.virtualized(),
                h.cmdline(),
                h.cpuFlags(),
                h.vulnerabilities(),
                h.seccomp(),
                h.smt(),
                h.vdsoMapped(),
                h.vsyscall(),
                h.speculationStoreBypass(),
                h.speculationIndirectBranch());
        assertThat(step(explainer.call(CLOCK, hpet), "vdso-fallback").active()).isTrue();
        assertThat(explainer.machine(hpet).next()).extracting(Hint::id).contains("next-clock-fallback");
    }

    @Test
    void mitigationsOffLeavesOnlyTheBarePath() {
        Explanation e = explainer.call(GETPPID, Hosts.read(Hosts.INTEL_OFF));
        for (String id : List.of(
                "entry-cr3",
                "exit-cr3",
                "entry-ibrs",
                "entry-untrain-ret",
                "entry-bhi",
                "dispatch-retpoline",
                "exit-verw")) {
            assertThat(step(e, id).active()).as(id).isFalse();
        }
        assertThat(step(e, "entry-cr3").reason()).contains("mitigations=off");
        List<VulnerabilityRow> rows =
                explainer.machine(Hosts.read(Hosts.INTEL_OFF)).vulnerabilities();
        assertThat(rows)
                .filteredOn(r ->
                        r.mitigation() != null && !r.mitigation().condition().equals("always"))
                .allSatisfy(r -> assertThat(r.onPath().active()).as(r.file()).isFalse());
    }

    @Test
    void amdWithSrsoSafeRetRunsTheReturnThunk() {
        HostInfo h = Hosts.read(Hosts.AMD_SRSO);
        Explanation e = explainer.call(GETPPID, h);
        assertThat(step(e, "entry-untrain-ret").active()).isTrue();
        assertThat(step(e, "entry-untrain-ret").reason()).isEqualTo("spec_rstack_overflow: \"Mitigation: Safe RET\"");
        assertThat(step(e, "entry-cr3").active()).isFalse();
        assertThat(explainer.machine(h).next()).extracting(Hint::id).contains("next-prctl");
    }

    @Test
    void forcedSyscallPathOfAVdsoCallIsTheCrossing() {
        CallInfo forced = new CallInfo("clock_gettime", "syscall", CallInfo.Kind.VDSO_CLOCK, "vdso", "the time");
        Explanation e = explainer.call(forced, Hosts.read(Hosts.THIS_AMD));
        assertThat(e.subjectId()).isEqualTo("clock_gettime@syscall");
        assertThat(ids(e)).first().isEqualTo("user-setup");
        assertThat(ids(e)).doesNotContain("vdso-call");
    }

    @Test
    void topicsCarryTheirAnnotatedParts() {
        HostInfo h = Hosts.read(Hosts.THIS_AMD);
        assertThat(explainer.topic("mode-switch", h).steps()).isNotEmpty();
        Explanation m = explainer.topic("mitigations", h);
        assertThat(m.vulnerabilities()).hasSize(19);
        assertThat(m.toggles())
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.availability().active()).isFalse());
        assertThat(explainer.topic("batching", h).topic().markdown())
                .contains("io_uring", "writev", "sendmmsg", "eBPF");
        assertThat(explainer.topic("indirect-costs", h).topic().markdown()).contains("not flushed");
    }

    @Test
    void aMeasuredVdsoDecidesWhatTheClocksourceNameCannot() {
        HostInfo xen = Hosts.read(Hosts.INTEL_PTI_XEN);
        Activation served = Explainer.vdsoFromMeasurement(20.0, 400.0);
        assertThat(served.active()).isTrue();
        assertThat(served.reason()).contains("20.0 ns", "400.0 ns");
        Explanation e = explainer.withMeasuredVdso(served).call(CLOCK, xen);
        assertThat(e.vdsoTime().isActive()).isTrue();
        assertThat(step(e, "vdso-read-clock").active()).isTrue();
        assertThat(ids(e)).doesNotContain("entry-cr3");
        Activation fallsBack = Explainer.vdsoFromMeasurement(390.0, 400.0);
        assertThat(fallsBack.active()).isFalse();
        Explanation slow = explainer.withMeasuredVdso(fallsBack).call(CLOCK, xen);
        assertThat(step(slow, "vdso-fallback").active()).isTrue();
        assertThat(step(slow, "entry-cr3").active()).isTrue();
        assertThat(explainer.withMeasuredVdso(fallsBack).machine(xen).next())
                .extracting(Hint::id)
                .contains("next-clock-fallback");
    }
}
