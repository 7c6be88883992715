package dev.sysc.cli;

import dev.sysc.report.Format;
import java.util.ArrayList;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --format}, naming the valid formats when the value is not one. */
public final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
        for (Format f : Format.values()) {
            if (f.id().equals(value.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new TypeConversionException(
                "unknown format (use table, json, csv or markdown)"); // UsageMessages shows the value
    }

    /** The format names, for help and completion. */
    public static final class Candidates extends ArrayList<String> {
        public Candidates() {
            for (Format f : Format.values()) {
                add(f.id());
            }
        }
    }
}
