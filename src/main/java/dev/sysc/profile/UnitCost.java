package dev.sysc.profile;

/**
 * What one crossing by a system call costs on this machine.
 *
 * @param ns     net ns per call
 * @param source {@code measured:NAME} (the catalog entry NAME, measured on its syscall path) or
 *               {@code floor} (no entry makes this call: the bare crossing, enosys, stands in for it)
 */
public record UnitCost(double ns, String source) {
    public static final String FLOOR = "floor";

    public boolean isFloor() {
        return FLOOR.equals(source);
    }
}
