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
        assertThat(converter.convert("2")).as("a bare number is seconds").isEqualTo(Duration.ofSeconds(2));
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
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void refusesAnAbsurdlyLongDurationInsteadOfOverflowing() {
        assertThatThrownBy(() -> converter.convert("99999999999999999m"))
                .isInstanceOf(TypeConversionException.class);
    }
}
