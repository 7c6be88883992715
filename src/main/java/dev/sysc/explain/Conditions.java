package dev.sysc.explain;

import dev.sysc.host.HostInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates the activation conditions of the knowledge base against a host. Pure: the same host
 * always gives the same answer.
 *
 * <p>A condition is terms joined by {@code |} (or) and {@code &} (and, binding tighter); a term may
 * be negated with {@code !}. Terms:
 * <ul>
 * <li>{@code always}; {@code per-call} (decided on each call: not applicable); {@code never:WHY}</li>
 * <li>{@code state:FILE=TAG}: the status of a vulnerabilities file, read against the kernel's exact strings
 * ({@link KernelStrings}), puts TAG on the path; a status sysc does not know gives n/a with its raw text</li>
 * <li>{@code flag:NAME}: the CPU flag is set; {@code cmdline:WORD}: a kernel argument, bare or {@code key=value}</li>
 * <li>{@code attack-vector:NAME}: the attack vector (user_kernel, user_user, guest_host, guest_guest) is
 * mitigated, after {@code mitigations=} on the command line</li>
 * <li>{@code build:WHY}: decided by the kernel's build configuration, which sysc does not record (n/a)</li>
 * <li>{@code syscall-work}: something makes every call take the slow entry and exit work</li>
 * <li>{@code clocksource:vdso-capable}; {@code vdso:mapped}; {@code seccomp:filter}</li>
 * <li>{@code spec:store-bypass-prctl}, {@code spec:indirect-branch-prctl}: a thread may switch the mitigation</li>
 * </ul>
 */
public final class Conditions {
    private Conditions() {}

    /** Checks that {@code condition} parses and uses only known terms. @throws IllegalArgumentException */
    public static void validate(String condition) {
        evaluate(condition, HostInfo.unknown());
    }

    public static Activation evaluate(String condition, HostInfo host) {
        return evaluate(condition, host, Map.of());
    }

    /**
     * Like {@link #evaluate(String, HostInfo)}, with some terms decided by what was measured instead of
     * what was read (e.g. {@code clocksource:vdso-capable} after timing the vDSO against a real crossing).
     */
    public static Activation evaluate(String condition, HostInfo host, Map<String, Activation> measured) {
        if (condition == null || condition.isBlank()) {
            throw new IllegalArgumentException("empty condition");
        }
        List<Activation> alternatives = new ArrayList<>();
        for (String alternative : condition.split("\\|")) {
            List<Activation> all = new ArrayList<>();
            for (String term : alternative.split("&")) {
                all.add(measuredOrRead(term.trim(), host, measured));
            }
            alternatives.add(and(all));
        }
        return or(alternatives);
    }

    private static Activation measuredOrRead(String term, HostInfo host, Map<String, Activation> measured) {
        boolean not = term.startsWith("!");
        Activation m = measured.get(not ? term.substring(1).trim() : term);
        if (m == null) {
            return term(term, host);
        }
        return not && m.active() != null ? new Activation(!m.active(), m.reason()) : m;
    }

    private static Activation and(List<Activation> terms) {
        for (Activation a : terms) {
            if (Boolean.FALSE.equals(a.active())) {
                return a;
            }
        }
        for (Activation a : terms) {
            if (a.active() == null) {
                return a;
            }
        }
        return Activation.yes(join(terms));
    }

    private static Activation or(List<Activation> alternatives) {
        for (Activation a : alternatives) {
            if (a.isActive()) {
                return a;
            }
        }
        // Not known to be true: one alternative sysc cannot decide leaves the whole undecided.
        List<Activation> unknown =
                alternatives.stream().filter(a -> a.active() == null).toList();
        if (!unknown.isEmpty()) {
            return Activation.unknown(join(distinct(unknown)));
        }
        return Activation.no(join(distinct(alternatives)));
    }

    private static List<Activation> distinct(List<Activation> list) {
        List<Activation> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Activation a : list) {
            if (!seen.contains(a.reason())) {
                seen.add(a.reason());
                out.add(a);
            }
        }
        return out;
    }

    private static String join(List<Activation> list) {
        List<String> reasons = new ArrayList<>();
        for (Activation a : list) {
            if (!reasons.contains(a.reason())) {
                reasons.add(a.reason());
            }
        }
        return String.join("; ", reasons);
    }

    private static Activation term(String term, HostInfo host) {
        if (term.startsWith("!")) {
            Activation a = term(term.substring(1).trim(), host);
            return a.active() == null ? a : new Activation(!a.active(), a.reason());
        }
        if (term.equals("always")) {
            return Activation.yes("always part of the path");
        }
        if (term.equals("per-call")) {
            return Activation.unknown("decided on each return, not by a setting of the machine");
        }
        if (term.equals("syscall-work")) {
            return syscallWork(host);
        }
        int colon = term.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("unknown condition term '" + term + "'");
        }
        String kind = term.substring(0, colon);
        String arg = term.substring(colon + 1);
        switch (kind) {
            case "never":
                return Activation.no(arg.trim());
            case "state":
                return state(arg, host);
            case "attack-vector":
                return AttackVectors.of(host).activation(arg);
            case "build":
                return Activation.unknown(arg.trim());
            case "flag":
                return flag(arg, host);
            case "cmdline":
                return cmdline(arg, host);
            case "clocksource":
                require(arg, "vdso-capable", term);
                return clocksource(host);
            case "vdso":
                require(arg, "mapped", term);
                return vdsoMapped(host);
            case "seccomp":
                require(arg, "filter", term);
                return seccomp(host);
            case "spec":
                if (arg.equals("store-bypass-prctl")) {
                    return SpeculationToggles.storeBypass(host).availability();
                }
                if (arg.equals("indirect-branch-prctl")) {
                    return SpeculationToggles.indirectBranch(host).availability();
                }
                throw new IllegalArgumentException("unknown condition term '" + term + "'");
            default:
                throw new IllegalArgumentException("unknown condition term '" + term + "'");
        }
    }

    private static void require(String arg, String expected, String term) {
        if (!arg.equals(expected)) {
            throw new IllegalArgumentException("unknown condition term '" + term + "'");
        }
    }

    private static Activation state(String arg, HostInfo host) {
        int eq = arg.indexOf('=');
        if (eq <= 0 || eq == arg.length() - 1) {
            throw new IllegalArgumentException("state: needs FILE=TAG, not '" + arg + "'");
        }
        String file = arg.substring(0, eq);
        String tag = arg.substring(eq + 1);
        String status = host.vulnerabilities().get(file);
        if (status == null) {
            // A kernel without the file does not know the flaw, so it runs no mitigation for it.
            return host.vulnerabilities().isEmpty()
                    ? Activation.unknown("no vulnerability files were recorded for this host")
                    : Activation.no("this kernel has no vulnerabilities/" + file);
        }
        KernelStrings.Reading r = KernelStrings.builtIn().read(file, status);
        String quoted = file + ": \"" + status + "\"";
        if (r.state() == null) {
            return Activation.unknown(quoted + " is unknown to sysc");
        }
        if (r.ambiguous()) {
            return Activation.unknown(quoted + " does not say which mitigation runs");
        }
        int colon = tag.indexOf(':');
        if (colon > 0 && !r.hasGroup(tag.substring(0, colon))) {
            String group = tag.substring(0, colon).toUpperCase(Locale.ROOT);
            return Activation.unknown(quoted + " does not say the " + group + " state"
                    + (r.notUnderstood().isEmpty()
                            ? ""
                            : " sysc knows (it does not know \"" + r.notUnderstood() + "\")"));
        }
        boolean has = r.tags().contains(tag);
        String reason = quoted;
        // Only the plain "Vulnerable" is what a switched-off mitigation prints; "Vulnerable: ..." says why itself.
        boolean switchedOff = !has && r.state().equals("Vulnerable");
        if (switchedOff && mitigationsOff(host)) {
            reason += " (mitigations=off on the kernel command line)";
        } else if (switchedOff && !AttackVectors.of(host).off().isEmpty()) {
            reason += " (" + AttackVectors.of(host).offText() + ")";
        }
        return new Activation(has, reason);
    }

    private static boolean mitigationsOff(HostInfo host) {
        return Boolean.TRUE.equals(cmdline("mitigations=off", host).active());
    }

    private static Activation flag(String name, HostInfo host) {
        if (host.cpuFlags().isEmpty()) {
            return Activation.unknown("no CPU flags were recorded for this host");
        }
        boolean set = host.cpuFlags().contains(name);
        return new Activation(set, "CPU flag " + name + (set ? " is set" : " is not set"));
    }

    private static Activation cmdline(String word, HostInfo host) {
        if (host.cmdline().equals(HostInfo.UNKNOWN)) {
            return Activation.unknown("the kernel command line was not recorded");
        }
        for (String arg : host.cmdline().trim().split("\\s+")) {
            if (arg.equals("--")) {
                break; // what follows goes to init, not to the kernel
            }
            if (arg.equals(word)) {
                return Activation.yes(word + " is on the kernel command line");
            }
        }
        return Activation.no(word + " is not on the kernel command line");
    }

    private static Activation clocksource(HostInfo host) {
        String cs = host.clocksource();
        switch (cs) {
            case HostInfo.UNKNOWN:
                return Activation.unknown("the clocksource was not recorded");
            case "tsc":
            case "hyperv_clocksource_tsc_page":
                return Activation.yes("clocksource " + cs + ": the vDSO can read it");
            case "kvm-clock":
            case "xen":
                // Both get a vDSO clock mode (VDSO_CLOCKMODE_PVCLOCK) only when the hypervisor reports a
                // stable TSC (arch/x86/kernel/kvmclock.c, arch/x86/xen/time.c), which the name does not say.
                return Activation.unknown(
                        "clocksource " + cs + ": the vDSO reads it only when the hypervisor "
                                + "reports a stable TSC; a live run measures which (clock_gettime against clock_gettime@syscall)");
            default:
                return Activation.no("clocksource " + cs + ": the vDSO cannot read it");
        }
    }

    private static Activation vdsoMapped(HostInfo host) {
        if (host.vdsoMapped()) {
            return Activation.yes("[vdso] is in /proc/self/maps");
        }
        if (host.seccomp().equals(HostInfo.UNKNOWN)) {
            return Activation.unknown("the process maps were not recorded");
        }
        return Activation.no("no [vdso] line in /proc/self/maps");
    }

    /**
     * seccomp, audit, ptrace and syscall tracepoints set work flags that send every call through
     * syscall_trace_enter and syscall_exit_work. sysc records only the seccomp mode.
     */
    private static Activation syscallWork(HostInfo host) {
        if (Boolean.TRUE.equals(seccomp(host).active())) {
            return Activation.yes("seccomp mode is " + host.seccomp() + " (/proc/self/status)");
        }
        return Activation.unknown("no seccomp filter" + (host.seccomp().equals(HostInfo.UNKNOWN) ? " recorded" : "")
                + "; audit rules, a tracer and syscall tracepoints also do it, and sysc does not record them");
    }

    private static Activation seccomp(HostInfo host) {
        switch (host.seccomp()) {
            case "filter":
            case "strict":
                return Activation.yes("seccomp mode is " + host.seccomp() + " (/proc/self/status)");
            case "disabled":
                return Activation.no("seccomp is disabled for this process (/proc/self/status)");
            default:
                return Activation.unknown("the seccomp mode was not recorded");
        }
    }
}
