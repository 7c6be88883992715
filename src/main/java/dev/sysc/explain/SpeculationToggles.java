package dev.sysc.explain;

import dev.sysc.host.HostInfo;
import java.util.List;
import java.util.Locale;

/**
 * Which speculation mitigations this process could switch for itself with prctl, read from the
 * {@code Speculation_Store_Bypass:} and {@code SpeculationIndirectBranch:} lines of /proc/self/status.
 * The kernel prints "thread ..." and "conditional ..." there when the mode lets a thread choose.
 */
public final class SpeculationToggles {
    /** The two per-thread switches; the ids are used by cli to pick the prctl feature. */
    public enum Feature {
        STORE_BYPASS("store-bypass", "speculative store bypass", "spec_store_bypass"),
        INDIRECT_BRANCH("indirect-branch", "indirect branch speculation", "spectre_v2");

        private final String id;
        private final String label;
        private final String file;

        Feature(String id, String label, String file) {
            this.id = id;
            this.label = label;
            this.file = file;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }

        /** The vulnerabilities file that shows the system-wide mode. */
        public String file() {
            return file;
        }
    }

    /**
     * One switch on one host.
     *
     * @param status the /proc/self/status value, or "unknown"
     */
    public record Toggle(Feature feature, String status, Activation availability) {}

    private SpeculationToggles() {}

    public static List<Toggle> of(HostInfo host) {
        return List.of(storeBypass(host), indirectBranch(host));
    }

    public static Toggle storeBypass(HostInfo host) {
        String status = host.speculationStoreBypass();
        String vuln = host.vulnerabilities().getOrDefault("spec_store_bypass", HostInfo.UNKNOWN);
        String line = "Speculation_Store_Bypass: \"" + status + "\"";
        return new Toggle(
                Feature.STORE_BYPASS, status, decide(status, "thread", line, "spec_store_bypass: \"" + vuln + "\""));
    }

    public static Toggle indirectBranch(HostInfo host) {
        String status = host.speculationIndirectBranch();
        String vuln = host.vulnerabilities().getOrDefault("spectre_v2", HostInfo.UNKNOWN);
        String line = "SpeculationIndirectBranch: \"" + status + "\"";
        return new Toggle(
                Feature.INDIRECT_BRANCH, status, decide(status, "conditional", line, "spectre_v2: \"" + vuln + "\""));
    }

    private static Activation decide(String status, String prctlPrefix, String line, String sysfs) {
        String s = status.toLowerCase(Locale.ROOT);
        if (status.equals(HostInfo.UNKNOWN)) {
            return Activation.unknown("/proc/self/status has no such line for this host (older kernel or "
                    + "a saved result without it)");
        }
        if (s.startsWith(prctlPrefix) && s.contains("force")) {
            return Activation.no(line + ": force-disabled for this thread, which cannot be undone");
        }
        if (s.startsWith(prctlPrefix)) {
            return Activation.yes(line + ": the kernel lets each thread choose with prctl");
        }
        if (s.startsWith("not ")) {
            return Activation.no(line + ": the CPU is not affected, there is nothing to switch");
        }
        return Activation.no(
                line + " and " + sysfs + ": the mode is fixed for every process at boot, " + "not chosen per thread");
    }
}
