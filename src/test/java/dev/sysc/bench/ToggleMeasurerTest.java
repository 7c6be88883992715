package dev.sysc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysc.explain.Activation;
import dev.sysc.explain.SpeculationToggles;
import dev.sysc.os.SpeculationControl;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prctl toggle, driven through a fake switch: measured off then on, and always put back. */
class ToggleMeasurerTest {
    /** A thread's speculation switch that may be toggled by prctl, starting mitigated. */
    private static final class FakeSwitch implements ToggleMeasurer.Switch {
        int state = SpeculationControl.PR_SPEC_PRCTL | SpeculationControl.PR_SPEC_DISABLE;
        final List<Integer> sets = new ArrayList<>();

        @Override
        public int get(SpeculationControl.Feature feature) {
            return state;
        }

        @Override
        public void set(SpeculationControl.Feature feature, int value) {
            sets.add(value);
            state = SpeculationControl.PR_SPEC_PRCTL | value;
        }
    }

    private static final List<SpeculationToggles.Toggle> STORE_BYPASS = List.of(new SpeculationToggles.Toggle(
            SpeculationToggles.Feature.STORE_BYPASS, "thread mitigated", new Activation(true, "prctl")));

    private static CallResult result(String name) {
        return CallResult.failed(name, "libc", true, 1, 0, null);
    }

    @Test
    void measuresWithTheMitigationOffThenOnAndPutsItBack() {
        FakeSwitch sw = new FakeSwitch();
        List<Integer> statesWhenMeasured = new ArrayList<>();
        ToggleMeasurer t = new ToggleMeasurer(
                calls -> {
                    statesWhenMeasured.add(sw.state & ~SpeculationControl.PR_SPEC_PRCTL);
                    return List.of(result(calls.get(0)));
                },
                sw);
        List<ToggleMeasurement> out = t.measure(STORE_BYPASS);
        assertThat(out).hasSize(1);
        assertThat(statesWhenMeasured)
                .containsExactly(SpeculationControl.PR_SPEC_ENABLE, SpeculationControl.PR_SPEC_DISABLE);
        assertThat(sw.state & SpeculationControl.PR_SPEC_DISABLE)
                .as("mitigated again, as before")
                .isNotZero();
        assertThat(sw.sets).doesNotContain(SpeculationControl.PR_SPEC_FORCE_DISABLE);
        assertThat(out.get(0).note()).contains("set back to mitigated");
    }

    @Test
    void ctrlCWhileMeasuringStillPutsTheSwitchBack() {
        FakeSwitch sw = new FakeSwitch();
        ToggleMeasurer t = new ToggleMeasurer(
                calls -> {
                    throw new MeasurementInterrupted();
                },
                sw);
        assertThatThrownBy(() -> t.measure(STORE_BYPASS)).isInstanceOf(MeasurementInterrupted.class);
        assertThat(sw.state & SpeculationControl.PR_SPEC_DISABLE).isNotZero();
        assertThat(sw.sets.get(sw.sets.size() - 1)).isEqualTo(SpeculationControl.PR_SPEC_DISABLE);
    }

    @Test
    void aSwitchTheKernelLocksIsNotTouched() {
        FakeSwitch sw = new FakeSwitch();
        sw.state = SpeculationControl.PR_SPEC_FORCE_DISABLE;
        ToggleMeasurer t = new ToggleMeasurer(calls -> List.of(), sw);
        List<ToggleMeasurement> out = t.measure(STORE_BYPASS);
        assertThat(sw.sets).isEmpty();
        assertThat(out.get(0).note()).contains("does not let this thread switch it");
    }
}
