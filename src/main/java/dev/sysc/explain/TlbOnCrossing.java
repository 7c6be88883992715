package dev.sysc.explain;

import dev.sysc.host.HostInfo;

/**
 * Whether a crossing empties the TLB on a host: only page-table isolation (the Meltdown mitigation)
 * switches page tables on entry and exit, and only without PCID does that switch flush the TLB; with
 * PCID the kernel's and the user's translations are tagged apart and both survive
 * (https://docs.kernel.org/arch/x86/pti.html, "Overhead").
 */
public final class TlbOnCrossing {
    private TlbOnCrossing() {}

    /** Active when every crossing flushes the TLB here; the reason names what was read. */
    public static Activation flushes(HostInfo host) {
        String meltdown = host.vulnerabilities().get("meltdown");
        if (meltdown == null) {
            return Activation.unknown("the meltdown file was not recorded, so whether PTI is on is not known");
        }
        if (!meltdown.contains("PTI")) {
            return Activation.no("PTI is off (meltdown: \"" + meltdown + "\"): a crossing switches no page tables, "
                    + "and the TLB keeps the program's translations");
        }
        if (host.cpuFlags().isEmpty()) {
            return Activation.unknown(
                    "PTI is on, but the CPU flags were not recorded, so whether PCID spares the TLB " + "is not known");
        }
        if (host.cpuFlags().contains("pcid")) {
            return Activation.no("PTI is on (meltdown: \"" + meltdown + "\") and the CPU has PCID: each crossing "
                    + "switches page tables, but the entries are tagged per address space, so none is flushed; "
                    + "the kernel's own translations only take TLB room");
        }
        return Activation.yes("PTI is on (meltdown: \"" + meltdown + "\") and the CPU has no PCID flag: every "
                + "crossing switches page tables and flushes the TLB, so the program's next accesses miss it");
    }
}
