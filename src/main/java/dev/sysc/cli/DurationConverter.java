package dev.sysc.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses durations as people type them: {@code 300ms}, {@code 0.5s}, {@code 2s}, {@code 250us}, {@code 1m}. */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m)?");

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration (use e.g. 300ms, 0.5s, 2s)");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double nanos;
        switch (unit) {
            case "ns": nanos = amount; break;
            case "us": case "µs": nanos = amount * 1e3; break;
            case "ms": nanos = amount * 1e6; break;
            case "m": nanos = amount * 60e9; break;
            default: nanos = amount * 1e9; break;
        }
        if (nanos > Long.MAX_VALUE / 2) {
            throw new TypeConversionException("'" + value + "' is far too long");
        }
        return Duration.ofNanos((long) nanos);
    }
}
