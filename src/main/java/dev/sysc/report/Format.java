package dev.sysc.report;

import java.util.Locale;

/** The output formats every command offers. */
public enum Format {
    TABLE,
    JSON,
    CSV,
    MARKDOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
