package dev.sysc.text;

/**
 * Makes untrusted text safe to print: a 100,000-character name would flood the terminal, and a newline
 * or ESC in it would forge lines or drive the terminal. Every such string passes through here before
 * it is echoed in a message or a report.
 */
public final class Untrusted {
    /** The longest untrusted string echoed whole; longer ones are cut and end with an ellipsis. */
    public static final int MAX_CHARS = 60;

    private Untrusted() {}

    /** {@code s} with control characters escaped, cut to {@link #MAX_CHARS} characters ("…" included). */
    public static String shown(String s) {
        return shorten(escape(s), MAX_CHARS);
    }

    /**
     * A path made safe to echo: escaped, and when too long cut at the front ("…/results/before.json"),
     * since the file name at its end is what tells files apart.
     */
    public static String shownPath(String s) {
        String escaped = escape(s);
        if (escaped.length() <= MAX_CHARS) {
            return escaped;
        }
        int start = escaped.length() - (MAX_CHARS - 1);
        if (Character.isLowSurrogate(escaped.charAt(start))) {
            start++;
        }
        return "…" + escaped.substring(start);
    }

    /** {@code s} with control characters escaped but not shortened: for text whose length is legitimate. */
    public static String escape(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** {@code s} cut to {@code max} characters, the last being "…", without splitting a surrogate pair. */
    public static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    /** How a control character is shown: C escapes for the common ones, \\xNN or \\uNNNN for the rest. */
    private static String replacement(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\\':
                return null;
            default:
                if (c < 0x20 || c == 0x7f) {
                    return String.format(java.util.Locale.ROOT, "\\x%02x", (int) c);
                }
                // C1 controls (a lone 0x9b is CSI on some terminals) and the bidirectional overrides that can
                // reorder what is shown.
                if ((c >= 0x80 && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                    return String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
                }
                return null;
        }
    }
}
