package dev.sysc.bench;

import dev.sysc.explain.SpeculationToggles;
import dev.sysc.os.NativeCallException;
import dev.sysc.os.SpeculationControl;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Measures the system call floor with a per-thread speculation mitigation off, then on, through prctl on
 * the measuring thread, and puts the switch back the way it was. FORCE_DISABLE is never used.
 */
public final class ToggleMeasurer {
    public static final List<String> FLOOR = List.of("enosys", "getppid");

    /** The prctl speculation switch of this thread; tests substitute a fake. */
    public interface Switch {
        int get(SpeculationControl.Feature feature);

        void set(SpeculationControl.Feature feature, int value);

        Switch PRCTL = new Switch() {
            @Override
            public int get(SpeculationControl.Feature feature) {
                return SpeculationControl.get(feature);
            }

            @Override
            public void set(SpeculationControl.Feature feature, int value) {
                SpeculationControl.set(feature, value);
            }
        };
    }

    private final Function<List<String>, List<CallResult>> measure;
    private final Switch control;

    public ToggleMeasurer(Function<List<String>, List<CallResult>> measure) {
        this(measure, Switch.PRCTL);
    }

    public ToggleMeasurer(Function<List<String>, List<CallResult>> measure, Switch control) {
        this.measure = measure;
        this.control = control;
    }

    public List<ToggleMeasurement> measure(List<SpeculationToggles.Toggle> toggles) {
        List<ToggleMeasurement> out = new ArrayList<>();
        for (SpeculationToggles.Toggle t : toggles) {
            if (t.availability().isActive()) {
                out.add(measure(t.feature()));
            }
        }
        return out;
    }

    private ToggleMeasurement measure(SpeculationToggles.Feature feature) {
        SpeculationControl.Feature f = feature == SpeculationToggles.Feature.STORE_BYPASS
                ? SpeculationControl.Feature.STORE_BYPASS
                : SpeculationControl.Feature.INDIRECT_BRANCH;
        int initial;
        try {
            initial = control.get(f);
        } catch (NativeCallException e) {
            return failed(feature, "unknown", e.getMessage());
        }
        String state = describe(initial);
        if ((initial & SpeculationControl.PR_SPEC_PRCTL) == 0
                || (initial & SpeculationControl.PR_SPEC_FORCE_DISABLE) != 0) {
            return failed(feature, state, "The kernel does not let this thread switch it (PR_GET_SPECULATION_CTRL).");
        }
        boolean wasDisabled = (initial & SpeculationControl.PR_SPEC_DISABLE) != 0;
        List<CallResult> without;
        List<CallResult> with;
        String restored;
        try {
            control.set(f, SpeculationControl.PR_SPEC_ENABLE);
            without = measure.apply(FLOOR);
            // The mitigated state is measured last, so a failure to switch back cannot spoil the other half.
            control.set(f, SpeculationControl.PR_SPEC_DISABLE);
            with = measure.apply(FLOOR);
        } catch (NativeCallException e) {
            return failed(feature, state, e.getMessage());
        } finally {
            // Also on Ctrl-C in the shell: later commands run on this same thread and must find it as it was.
            restored = restore(f, wasDisabled);
        }
        return new ToggleMeasurement(
                feature,
                state,
                without,
                with,
                "Measured on this thread, mitigation off first and on last; " + restored
                        + " The switch acts at context switches and on this thread's own loads, not on entry or "
                        + "exit, so a difference in the floor here is noise, not its cost.");
    }

    private String restore(SpeculationControl.Feature f, boolean wasDisabled) {
        try {
            control.set(f, wasDisabled ? SpeculationControl.PR_SPEC_DISABLE : SpeculationControl.PR_SPEC_ENABLE);
            return "then set back to " + (wasDisabled ? "mitigated" : "not mitigated") + ", as before.";
        } catch (NativeCallException e) {
            return "could not be set back (" + e.getMessage() + "); it applies only to this sysc process.";
        }
    }

    private static ToggleMeasurement failed(SpeculationToggles.Feature feature, String state, String why) {
        return new ToggleMeasurement(feature, state, List.of(), List.of(), "Not measured: " + why);
    }

    static String describe(int bits) {
        List<String> words = new ArrayList<>();
        if ((bits & SpeculationControl.PR_SPEC_PRCTL) != 0) {
            words.add("switchable with prctl");
        }
        if ((bits & SpeculationControl.PR_SPEC_FORCE_DISABLE) != 0) {
            words.add("mitigated for good (force-disabled)");
        } else if ((bits & SpeculationControl.PR_SPEC_DISABLE) != 0) {
            words.add("mitigated");
        } else if ((bits & SpeculationControl.PR_SPEC_ENABLE) != 0) {
            words.add("not mitigated");
        }
        return words.isEmpty() ? "not affected or not controllable" : String.join(", ", words);
    }
}
