package dev.sysc.os;

/**
 * The per-thread speculation switches of prctl(2) (PR_GET/PR_SET_SPECULATION_CTRL): whether this
 * thread asks the kernel to mitigate speculative store bypass or indirect branch speculation.
 * PR_SPEC_FORCE_DISABLE is deliberately not offered: it cannot be undone.
 */
public final class SpeculationControl {
    static final int PR_GET_SPECULATION_CTRL = 52;
    static final int PR_SET_SPECULATION_CTRL = 53;
    /** Bit set by PR_GET when the thread may change the setting with PR_SET. */
    public static final int PR_SPEC_PRCTL = 1;
    /** Speculation on, mitigation off. */
    public static final int PR_SPEC_ENABLE = 1 << 1;
    /** Speculation off, mitigation on. */
    public static final int PR_SPEC_DISABLE = 1 << 2;
    /** Like DISABLE, but permanent. */
    public static final int PR_SPEC_FORCE_DISABLE = 1 << 3;

    /** The speculation features prctl can switch per thread. */
    public enum Feature {
        STORE_BYPASS(0, "speculative store bypass"),
        INDIRECT_BRANCH(1, "indirect branch speculation");

        final int code;
        private final String label;

        Feature(int code, String label) {
            this.code = code;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private SpeculationControl() {}

    /**
     * The current state bits of {@code feature} for this thread.
     *
     * @throws NativeCallException when the kernel does not know the feature
     */
    public static int get(Feature feature) {
        int r = Bindings.process(CallPath.LIBC).prctl(PR_GET_SPECULATION_CTRL, feature.code, 0, 0, 0);
        if (r < 0) {
            throw new NativeCallException("prctl(PR_GET_SPECULATION_CTRL)", Errnos.last());
        }
        return r;
    }

    /**
     * Sets {@code feature} for this thread to {@link #PR_SPEC_ENABLE} or {@link #PR_SPEC_DISABLE}.
     *
     * @throws IllegalArgumentException for any other value (FORCE_DISABLE is never used)
     * @throws NativeCallException      when the kernel refuses
     */
    public static void set(Feature feature, int value) {
        if (value != PR_SPEC_ENABLE && value != PR_SPEC_DISABLE) {
            throw new IllegalArgumentException("only PR_SPEC_ENABLE or PR_SPEC_DISABLE may be set");
        }
        int r = Bindings.process(CallPath.LIBC).prctl(PR_SET_SPECULATION_CTRL, feature.code, value, 0, 0);
        if (r < 0) {
            throw new NativeCallException("prctl(PR_SET_SPECULATION_CTRL)", Errnos.last());
        }
    }
}
