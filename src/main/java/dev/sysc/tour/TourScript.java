package dev.sysc.tour;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tour's steps, read from {@code tour.txt}, and the filling-in of their placeholders. */
public final class TourScript {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private TourScript() {}

    public static List<TourStep> builtIn() {
        try (InputStream in = TourScript.class.getResourceAsStream("/dev/sysc/tour/tour.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource tour.txt");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<TourStep> parse(String text) {
        List<TourStep> steps = new ArrayList<>();
        String[] header = null;
        List<String> body = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("## ")) {
                if (header != null) {
                    steps.add(step(header, body));
                }
                header = line.substring(3).split("\\s*\\|\\s*");
                if (header.length != 4) {
                    throw new IllegalStateException("tour header needs 4 fields: " + line);
                }
                body = new ArrayList<>();
            } else if (!line.startsWith("#") && !line.isBlank() && header != null) {
                body.add(line.trim());
            }
        }
        if (header != null) {
            steps.add(step(header, body));
        }
        return steps;
    }

    private static TourStep step(String[] h, List<String> body) {
        List<String> calls =
                h[2].equals("-") ? List.of() : Arrays.asList(h[2].trim().split("\\s+"));
        return new TourStep(h[0].trim(), h[1].trim(), calls, h[3].trim(), body);
    }

    /** The placeholders a text uses, e.g. {@code enosys}, {@code getpid-enosys}. */
    public static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /**
     * Fills {@code text}: {@code {x}} with ns value x, {@code {a-b}} with a difference in ns,
     * {@code {a/b}} with a ratio, any other key with {@code words}; unknown values become "(not measured)".
     */
    public static String fill(String text, Map<String, Double> ns, Map<String, String> words) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(value(m.group(1), ns, words)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String value(String key, Map<String, Double> ns, Map<String, String> words) {
        if (words.containsKey(key)) {
            return words.get(key);
        }
        if (ns.containsKey(key)) {
            return nanos(ns.get(key));
        }
        int slash = key.indexOf('/');
        if (slash > 0 && ns.containsKey(key.substring(0, slash)) && ns.containsKey(key.substring(slash + 1))) {
            double r = ns.get(key.substring(0, slash)) / ns.get(key.substring(slash + 1));
            return String.format(Locale.ROOT, r >= 10 ? "%.0f times" : "%.1f times", r);
        }
        int minus = key.lastIndexOf('-');
        while (minus > 0) {
            String a = key.substring(0, minus);
            String b = key.substring(minus + 1);
            if (ns.containsKey(a) && ns.containsKey(b)) {
                return nanos(ns.get(a) - ns.get(b));
            }
            minus = key.lastIndexOf('-', minus - 1);
        }
        return "(not measured)";
    }

    static String nanos(double v) {
        if (Math.abs(v) >= 10_000) {
            // A wanted datagram among a hundred costs hundreds of µs: six-digit ns are hard to read aloud.
            return String.format(Locale.ROOT, Math.abs(v) < 100_000 ? "%.1f µs" : "%.0f µs", v / 1000);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.1f ns" : "%.0f ns", v);
    }
}
