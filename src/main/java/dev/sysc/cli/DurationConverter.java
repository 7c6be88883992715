package dev.sysc.cli;

import dev.sysc.bench.Defaults;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses durations as people type them: {@code 300ms}, {@code 0.5s}, {@code 2s}, {@code 250us}, {@code 1m}.
 * A unit is required (only 0 goes without one): a bare {@code 10} once meant ten seconds to sysc and ten
 * milliseconds to the user. Every duration sysc takes is at most {@link Defaults#MAX_TIME}; a longer one is
 * refused with the limit restated in the unit the user typed ("100s: longer than the maximum, 60s").
 * Messages leave out the value: picocli's handler (UsageMessages) puts the option and value in front.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m)?");

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("not a duration (use e.g. 300ms, 0.5s, 2s)");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            if (amount.signum() == 0) {
                return Duration.ZERO;
            }
            throw new TypeConversionException("add a unit: " + m.group(1) + "s or " + m.group(1) + "ms");
        }
        BigDecimal nanosPerUnit = BigDecimal.valueOf(nanosPer(unit));
        BigDecimal nanos = amount.multiply(nanosPerUnit);
        BigDecimal max = BigDecimal.valueOf(Defaults.MAX_TIME.toNanos());
        if (nanos.compareTo(max) > 0) {
            String limit = max.divide(nanosPerUnit).stripTrailingZeros().toPlainString();
            throw new TypeConversionException("longer than the maximum, " + limit + unit);
        }
        return Duration.ofNanos(nanos.longValue());
    }

    private static long nanosPer(String unit) {
        switch (unit) {
            case "ns":
                return 1;
            case "us":
            case "µs":
                return 1_000;
            case "ms":
                return 1_000_000;
            case "m":
                return 60_000_000_000L;
            default:
                return 1_000_000_000;
        }
    }
}
