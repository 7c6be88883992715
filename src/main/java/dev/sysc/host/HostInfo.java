package dev.sysc.host;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable description of the machine whose system calls are being measured.
 *
 * @param speculationStoreBypass    the {@code Speculation_Store_Bypass:} line of /proc/self/status, e.g.
 *                                  "thread vulnerable" (a process may switch the mitigation with prctl)
 * @param speculationIndirectBranch the {@code SpeculationIndirectBranch:} line, e.g. "conditional enabled"
 */
public record HostInfo(
        String hostname,
        String kernel,
        String arch,
        String cpuModel,
        int cpus,
        String clocksource,
        Boolean virtualized,
        String cmdline,
        List<String> cpuFlags,
        Map<String, String> vulnerabilities,
        String seccomp,
        String smt,
        boolean vdsoMapped,
        String vsyscall,
        String speculationStoreBypass,
        String speculationIndirectBranch) {

    public static final String UNKNOWN = "unknown";

    /**
     * The CPU flags that change what a system call costs, in the order they are reported.
     * They decide how the kernel entry and exit path is built: page-table isolation and the
     * TLB tags that soften it (pti, pcid, invpcid), the speculation barriers run on entry,
     * exit or context switch (ibrs..spec_ctrl, arch_capabilities says which are needed at all),
     * control-flow protection and the newer entry mechanism (user_shstk, ibt, fred), the
     * user-access guards toggled around copy_{to,from}_user (smep, smap, umip), helpers that
     * spare a syscall or an MSR write (rdpid, fsgsbase), and whether a hypervisor sits
     * underneath and the TSC can back the vDSO clock (hypervisor and the *_tsc flags).
     */
    public static final List<String> SYSCALL_RELEVANT_FLAGS = List.of(
            "pti",
            "pcid",
            "invpcid",
            "ibrs",
            "ibrs_enhanced",
            "ibpb",
            "stibp",
            "ssbd",
            "virt_ssbd",
            "md_clear",
            "flush_l1d",
            "retpoline",
            "retpoline_amd",
            "rsb_ctxsw",
            "spec_ctrl",
            "intel_stibp",
            "arch_capabilities",
            "user_shstk",
            "ibt",
            "fred",
            "smep",
            "smap",
            "umip",
            "rdpid",
            "fsgsbase",
            "hypervisor",
            "constant_tsc",
            "nonstop_tsc",
            "tsc_known_freq",
            "tsc_reliable");

    // The x86 vDSO has a clock-page reader for these; any other clocksource makes
    // clock_gettime and gettimeofday fall back to a real system call.
    private static final Set<String> VDSO_CLOCKSOURCES = Set.of("tsc", "kvm-clock", "hyperv_clocksource_tsc_page");

    public HostInfo {
        hostname = orUnknown(hostname);
        kernel = orUnknown(kernel);
        arch = orUnknown(arch);
        cpuModel = orUnknown(cpuModel);
        cpus = Math.max(0, cpus);
        clocksource = orUnknown(clocksource);
        cmdline = orUnknown(cmdline);
        cpuFlags = cpuFlags == null ? List.of() : List.copyOf(cpuFlags);
        vulnerabilities = vulnerabilities == null
                ? Collections.unmodifiableMap(new TreeMap<>())
                : Collections.unmodifiableMap(new TreeMap<>(vulnerabilities));
        seccomp = orUnknown(seccomp);
        smt = orUnknown(smt);
        vsyscall = orUnknown(vsyscall);
        speculationStoreBypass = orUnknown(speculationStoreBypass);
        speculationIndirectBranch = orUnknown(speculationIndirectBranch);
    }

    /** A host about which nothing is known. */
    public static HostInfo unknown() {
        return new HostInfo(
                null, null, null, null, 0, null, null, null, List.of(), Map.of(), null, null, false, null, null, null);
    }

    /** Whether clock_gettime can be served by the vDSO with this clocksource, without entering the kernel. */
    public boolean vdsoClockUsable() {
        return VDSO_CLOCKSOURCES.contains(clocksource);
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? UNKNOWN : s;
    }
}
