package dev.sysc.explain;

import dev.sysc.host.HostInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The attack-vector controls of Linux 6.17+ read from the kernel command line:
 * {@code mitigations=auto,no_user_kernel,no_user_user,no_guest_host,no_guest_guest,no_cross_thread}
 * turn off the mitigations against one kind of attacker; {@code mitigations=off} turns off all of them
 * (Documentation/admin-guide/hw-vuln/attack_vector_controls.rst). The vulnerability files already show
 * what the kernel chose; this says why.
 *
 * @param argument the {@code mitigations=} argument as written, or null when there is none
 * @param off      the vectors turned off, in the kernel's names
 * @param known    false when the command line was not recorded
 */
public record AttackVectors(String argument, List<String> off, boolean known) {
    /** The four vectors, in the order the kernel prints them at boot (cpu_print_attack_vectors). */
    public static final List<String> VECTORS = List.of("user_kernel", "user_user", "guest_host", "guest_guest");

    public AttackVectors {
        off = List.copyOf(off);
    }

    public static AttackVectors of(HostInfo host) {
        if (host.cmdline().equals(HostInfo.UNKNOWN)) {
            return new AttackVectors(null, List.of(), false);
        }
        String argument = null;
        for (String arg : host.cmdline().trim().split("\\s+")) {
            if (arg.equals("--")) {
                break; // what follows goes to init, not to the kernel
            }
            if (arg.startsWith("mitigations=")) {
                argument = arg; // the last one wins, as for any early parameter
            }
        }
        if (argument == null) {
            return new AttackVectors(null, List.of(), true);
        }
        String value = argument.substring("mitigations=".length());
        if (value.equals("off")) {
            return new AttackVectors(argument, VECTORS, true);
        }
        List<String> off = new ArrayList<>();
        for (String option : value.split(",")) {
            if (option.startsWith("no_") && VECTORS.contains(option.substring(3))) {
                off.add(option.substring(3));
            }
        }
        return new AttackVectors(argument, off, true);
    }

    /** {@code attack-vector:NAME}: whether the kernel mitigates that vector. */
    public Activation activation(String vector) {
        if (!VECTORS.contains(vector)) {
            throw new IllegalArgumentException("unknown condition term 'attack-vector:" + vector + "'");
        }
        if (!known) {
            return Activation.unknown("the kernel command line was not recorded");
        }
        if (off.contains(vector)) {
            return Activation.no(offText());
        }
        return Activation.yes(
                argument == null
                        ? "no mitigations= on the kernel command line: every attack vector is mitigated"
                        : argument + " leaves the " + vector + " attack vector on");
    }

    /** E.g. "mitigations=auto,no_guest_host,no_guest_guest turns off the guest_host, guest_guest attack vectors". */
    public String offText() {
        return argument + " turns off the " + String.join(", ", off) + " attack vector" + (off.size() == 1 ? "" : "s");
    }
}
