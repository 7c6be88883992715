package dev.sysc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void parsesWhatPeopleType() {
        assertThat(converter.convert("300ms")).isEqualTo(Duration.ofMillis(300));
        assertThat(converter.convert("0.5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(converter.convert("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(converter.convert("1m")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void acceptsOtherSpellings() {
        assertThat(converter.convert("250µs")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(converter.convert("100ns")).isEqualTo(Duration.ofNanos(100));
        assertThat(converter.convert("300MS")).isEqualTo(Duration.ofMillis(300));
        assertThat(converter.convert(" 300 ms ")).isEqualTo(Duration.ofMillis(300));
        assertThat(converter.convert("0")).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"banana", "-1s", "", " ", "1h", "1.s", ".5s", "1e3ms", "s", "300 m s"})
    void refusesWhatIsNotADuration(String value) {
        assertThatThrownBy(() -> converter.convert(value))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("not a duration (use e.g. 300ms, 0.5s, 2s)");
    }

    @Test
    void aNumberWithoutAUnitIsRefusedWithTheFix() {
        assertThatThrownBy(() -> converter.convert("10")).hasMessage("add a unit: 10s or 10ms");
        assertThatThrownBy(() -> converter.convert("0.5")).hasMessage("add a unit: 0.5s or 0.5ms");
    }

    @Test
    void theMaximumIsRestatedInTheUnitTyped() {
        assertThatThrownBy(() -> converter.convert("100s")).hasMessage("longer than the maximum, 60s");
        assertThatThrownBy(() -> converter.convert("90000ms")).hasMessage("longer than the maximum, 60000ms");
        assertThatThrownBy(() -> converter.convert("2m")).hasMessage("longer than the maximum, 1m");
        assertThat(converter.convert("60s")).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void refusesAnAbsurdlyLongDurationInsteadOfOverflowing() {
        assertThatThrownBy(() -> converter.convert("99999999999999999m"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("longer than the maximum, 1m");
    }
}
