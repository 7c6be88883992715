package dev.sysc.report;

import java.util.Locale;

/** Number formatting for people: nanoseconds at a precision that suits their size, Locale.ROOT always. */
final class Numbers {
    private Numbers() {}

    /** {@code 4.52}, {@code 21.3}, {@code 170.2}, {@code 2,010}: three or four significant digits. */
    static String ns(double ns) {
        double a = Math.abs(ns);
        if (a < 10) {
            return String.format(Locale.ROOT, "%.2f", ns);
        }
        if (a < 1000) {
            return String.format(Locale.ROOT, "%.1f", ns);
        }
        return String.format(Locale.ROOT, "%,.0f", ns);
    }

    /** {@code 3.45×} below ten, {@code 12.3×} from ten on. */
    static String ratio(double r) {
        return r >= 10 ? String.format(Locale.ROOT, "%.1f×", r) : String.format(Locale.ROOT, "%.2f×", r);
    }

    /** Nanoseconds per item, which batching can push below one: four decimals there; {@code —} for no figure. */
    static String perUnit(double ns) {
        if (Double.isNaN(ns)) {
            return "—";
        }
        if (Math.abs(ns) < 1) {
            return String.format(Locale.ROOT, "%.4f", ns);
        }
        return ns(ns);
    }

    /** One decimal, {@code —} for no figure (NaN or infinite). */
    static String oneDecimal(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "—";
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    /** Rounded for machine output: fixed decimals, no float noise like 170.20000000000002. */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
