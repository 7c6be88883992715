package dev.sysc.explain;

/**
 * Whether something is in effect on a host, and what was read to decide it.
 *
 * @param active true or false, or null when it does not apply or the host does not say
 * @param reason what was read, in words, e.g. {@code meltdown: "Mitigation: PTI"}
 */
public record Activation(Boolean active, String reason) {
    public static Activation yes(String reason) {
        return new Activation(Boolean.TRUE, reason);
    }

    public static Activation no(String reason) {
        return new Activation(Boolean.FALSE, reason);
    }

    public static Activation unknown(String reason) {
        return new Activation(null, reason);
    }

    public boolean isActive() {
        return Boolean.TRUE.equals(active);
    }

    /** "active", "inactive" or "n/a". */
    public String label() {
        return active == null ? "n/a" : active ? "active" : "inactive";
    }
}
