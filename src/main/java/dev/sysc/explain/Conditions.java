package dev.sysc.explain;

import dev.sysc.host.HostInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates the activation conditions of the knowledge base against a host. Pure: the same host
 * always gives the same answer.
 *
 * <p>A condition is terms joined by {@code |} (or) and {@code &} (and, binding tighter); a term may
 * be negated with {@code !}. Terms:
 * <ul>
 * <li>{@code always}; {@code per-call} (decided on each call: not applicable); {@code never:WHY}</li>
 * <li>{@code vuln:FILE~TEXT}: the vulnerabilities file exists and its status contains TEXT (any case)</li>
 * <li>{@code flag:NAME}: the CPU flag is set; {@code cmdline:WORD}: a kernel argument, bare or {@code key=value}</li>
 * <li>{@code clocksource:vdso-capable}; {@code vdso:mapped}; {@code seccomp:filter}</li>
 * <li>{@code spec:store-bypass-prctl}, {@code spec:indirect-branch-prctl}: a thread may switch the mitigation</li>
 * </ul>
 */
public final class Conditions {
    private Conditions() {
    }

    /** Checks that {@code condition} parses and uses only known terms. @throws IllegalArgumentException */
    public static void validate(String condition) {
        evaluate(condition, HostInfo.unknown());
    }

    public static Activation evaluate(String condition, HostInfo host) {
        if (condition == null || condition.isBlank()) {
            throw new IllegalArgumentException("empty condition");
        }
        List<Activation> alternatives = new ArrayList<>();
        for (String alternative : condition.split("\\|")) {
            List<Activation> all = new ArrayList<>();
            for (String term : alternative.split("&")) {
                all.add(term(term.trim(), host));
            }
            alternatives.add(and(all));
        }
        return or(alternatives);
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
        List<Activation> known = alternatives.stream().filter(a -> a.active() != null).toList();
        if (!known.isEmpty()) {
            return Activation.no(join(distinct(known)));
        }
        return Activation.unknown(join(distinct(alternatives)));
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
        int colon = term.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("unknown condition term '" + term + "'");
        }
        String kind = term.substring(0, colon);
        String arg = term.substring(colon + 1);
        switch (kind) {
            case "never":
                return Activation.no(arg.trim());
            case "vuln":
                return vuln(arg, host);
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

    private static Activation vuln(String arg, HostInfo host) {
        int tilde = arg.indexOf('~');
        if (tilde <= 0 || tilde == arg.length() - 1) {
            throw new IllegalArgumentException("vuln: needs FILE~TEXT, not '" + arg + "'");
        }
        String file = arg.substring(0, tilde);
        String text = arg.substring(tilde + 1);
        String status = host.vulnerabilities().get(file);
        if (status == null) {
            return Activation.unknown(host.vulnerabilities().isEmpty()
                    ? "no vulnerability files were recorded for this host"
                    : "this kernel has no vulnerabilities/" + file);
        }
        boolean contains = status.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
        String reason = file + ": \"" + status + "\"";
        if (!contains && status.startsWith("Vulnerable") && mitigationsOff(host)) {
            reason += " (mitigations=off on the kernel command line)";
        }
        return new Activation(contains, reason);
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
        if (cs.equals(HostInfo.UNKNOWN)) {
            return Activation.unknown("the clocksource was not recorded");
        }
        return host.vdsoClockUsable()
                ? Activation.yes("clocksource " + cs + ": the vDSO can read it")
                : Activation.no("clocksource " + cs + ": the vDSO cannot read it");
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
