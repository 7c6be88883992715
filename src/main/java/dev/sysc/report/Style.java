package dev.sysc.report;

import org.jline.jansi.Ansi;

/**
 * The one place that knows colors. Color only underlines what the words already say (a table reads
 * the same without it): crossing vs vDSO vs never, significant vs "~", notes dimmed.
 */
public final class Style {
    /** Plain text: files, pipes, NO_COLOR, --color never. */
    public static final Style NONE = new Style(false);
    /** ANSI colors, through jansi. */
    public static final Style ANSI = new Style(true);

    private final boolean enabled;

    private Style(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The escape sequence that starts the color of a "kernel" cell, or "" for none. */
    String kernelColor(String cell) {
        if (!enabled || cell.isEmpty()) {
            return "";
        }
        if (cell.startsWith("crosses")) {
            return Ansi.ansi().fgYellow().toString();
        }
        if (cell.startsWith("vDSO")) {
            return Ansi.ansi().fgGreen().toString();
        }
        if (cell.equals("never")) {
            return Ansi.ansi().fgCyan().toString();
        }
        return cell.equals("refused") ? Ansi.ansi().fgRed().toString() : "";
    }

    /** Color of a diff verdict: red for slower, green for faster, none for "~". */
    String verdictColor(String verdict) {
        if (!enabled || verdict.equals("~") || verdict.isEmpty()) {
            return "";
        }
        return verdict.startsWith("+")
                ? Ansi.ansi().fgRed().bold().toString()
                : Ansi.ansi().fgGreen().bold().toString();
    }

    /** Color of an active/inactive mark ("active", "yes": on the path here; "inactive", "no": not). */
    String activeColor(String mark) {
        if (!enabled) {
            return "";
        }
        if (mark.equals("active") || mark.equals("yes")) {
            return Ansi.ansi().fgYellow().bold().toString();
        }
        if (mark.equals("inactive") || mark.equals("no")) {
            return Ansi.ansi().fgGreen().toString();
        }
        return "";
    }

    /** Color of a headline number. */
    String emphasis(String cell) {
        return enabled && !cell.isEmpty() ? Ansi.ansi().bold().toString() : "";
    }

    String dim(String text) {
        return enabled
                ? Ansi.ansi().a(Ansi.Attribute.INTENSITY_FAINT).a(text).reset().toString()
                : text;
    }

    String red(String text) {
        return enabled ? Ansi.ansi().fgRed().a(text).reset().toString() : text;
    }

    /** Carriage return and erase-line: redraws a progress line in place (terminals only). */
    public static String eraseLine() {
        return "\r" + Ansi.ansi().eraseLine();
    }

    String reset() {
        return enabled ? Ansi.ansi().reset().toString() : "";
    }
}
