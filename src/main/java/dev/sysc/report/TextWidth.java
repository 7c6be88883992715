package dev.sysc.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that fits prose to a width: every text renderer wraps its sentences, notes and
 * statuses here, so that data files hold paragraphs as single lines and the screen decides the breaks.
 * A word is never split unless it alone is longer than the line (a long URL), and then only there.
 */
public final class TextWidth {
    /** The width when nothing says otherwise: no COLUMNS, no terminal (a pipe, a file). */
    public static final int DEFAULT = 80;
    /** Narrower than this, a table row cannot fit however it is folded: render as if this wide. */
    public static final int MIN = 40;

    private TextWidth() {}

    /** {@code columns} held to at least {@link #MIN}. */
    public static int usable(int columns) {
        return Math.max(MIN, columns);
    }

    /** Lines of at most {@code width} characters, broken between words; runs of spaces count as one. */
    public static List<String> wrap(String text, int width) {
        return wrap(text, width, width);
    }

    /** As {@link #wrap(String, int)}, the first line at most {@code firstWidth} long, the others {@code width}. */
    static List<String> wrap(String text, int firstWidth, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        java.util.Deque<String> queue = new java.util.ArrayDeque<>(units(text));
        while (!queue.isEmpty()) {
            String word = queue.poll();
            if (word.indexOf(GLUE) >= 0 && word.length() > Math.max(1, Math.min(firstWidth, width))) {
                // Too long to keep together on any line: its words go one by one after all.
                String[] parts = word.split(String.valueOf(GLUE));
                for (int i = parts.length - 1; i >= 0; i--) {
                    queue.addFirst(parts[i]);
                }
                continue;
            }
            int room = Math.max(1, lines.isEmpty() ? firstWidth : width);
            if (line.length() > 0 && line.length() + 1 + word.length() > room) {
                lines.add(line.toString());
                line.setLength(0);
                room = Math.max(1, width);
            }
            while (line.length() == 0 && word.length() > room) {
                lines.add(word.substring(0, room));
                word = word.substring(room);
                room = Math.max(1, width);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        lines.replaceAll(l -> l.replace(GLUE, ' '));
        return lines;
    }

    /** Stands for a space that must not break a line, inside a unit of {@link #units}. */
    private static final char GLUE = '\u0000';

    /**
     * The words of {@code text}, a lone symbol (≥, →, =, —) joined to the words either side of it, so
     * that "p ≥ 0.05" or "A → B" is never broken.
     */
    private static List<String> units(String text) {
        List<String> units = new ArrayList<>();
        boolean glueNext = false;
        for (String word : words(text.strip())) {
            boolean symbol = !hasLetterOrDigit(word);
            if ((glueNext || symbol) && !units.isEmpty()) {
                units.set(units.size() - 1, units.get(units.size() - 1) + GLUE + word);
            } else {
                units.add(word);
            }
            glueNext = symbol;
        }
        return units;
    }

    /*
     * The two helpers below are plain loops rather than split("\\s+") and a code-point stream: every
     * table cell and sentence sysc prints passes through here, mostly in a JVM that has not compiled
     * anything yet, and there a regex and a stream per word were a tenth of the start-up of sysc list.
     */

    /** The non-empty runs of {@code text} between ASCII whitespace (what the regex \\s matches). */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || isAsciiSpace(text.charAt(i));
            if (space && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words;
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean hasLetterOrDigit(String word) {
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /**
     * {@code text} wrapped to {@code width}, its first line after {@code first} and the others after
     * {@code rest} (a hanging indent when {@code rest} is spaces); every line ends in a newline.
     */
    public static String indent(String text, int width, String first, String rest) {
        StringBuilder sb = new StringBuilder();
        List<String> lines = wrap(text, width - first.length(), width - rest.length());
        for (int i = 0; i < lines.size(); i++) {
            sb.append(((i == 0 ? first : rest) + lines.get(i)).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** {@code text} wrapped to {@code width} with every line after {@code prefix}. */
    public static String indent(String text, int width, String prefix) {
        return indent(text, width, prefix, prefix);
    }

    /** Each paragraph of {@code text} (separated by newlines) wrapped to {@code width} on its own. */
    public static String paragraphs(String text, int width) {
        StringBuilder sb = new StringBuilder();
        for (String para : text.split("\n")) {
            if (para.isBlank()) {
                sb.append('\n');
            } else {
                sb.append(indent(para, width, ""));
            }
        }
        return sb.toString();
    }

    /**
     * Text written as Markdown source, possibly broken at any width (a topic page), wrapped to
     * {@code width}: the lines of a paragraph are joined and filled again, a list item keeps a hanging
     * indent under its marker, blank lines and headings stay where they are.
     */
    public static String reflow(String text, int width) {
        StringBuilder sb = new StringBuilder();
        StringBuilder para = new StringBuilder();
        String first = "";
        String rest = "";
        for (String line : text.split("\n", -1)) {
            String stripped = line.strip();
            String marker = listMarker(stripped);
            boolean ends = stripped.isEmpty() || stripped.startsWith("#") || marker != null;
            if (ends && para.length() > 0) {
                sb.append(indent(para.toString(), width, first, rest));
                para.setLength(0);
            }
            if (stripped.isEmpty()) {
                sb.append('\n');
            } else if (stripped.startsWith("#")) {
                sb.append(indent(stripped, width, ""));
            } else {
                if (para.length() == 0) {
                    String lead = line.substring(
                            0, line.length() - line.stripLeading().length());
                    first = lead;
                    rest = marker == null ? lead : lead + " ".repeat(marker.length());
                }
                para.append(para.length() > 0 ? " " : "").append(stripped);
            }
        }
        if (para.length() > 0) {
            sb.append(indent(para.toString(), width, first, rest));
        }
        return sb.toString().replaceAll("\n+$", "\n");
    }

    /** "- ", "* " or "12. " at the start of a list item, else null. */
    private static String listMarker(String line) {
        if (line.startsWith("- ") || line.startsWith("* ")) {
            return line.substring(0, 2);
        }
        int i = 0;
        while (i < line.length() && Character.isDigit(line.charAt(i))) {
            i++;
        }
        return i > 0 && line.startsWith(". ", i) ? line.substring(0, i + 2) : null;
    }

    /** The length of the longest line of {@code text}. */
    public static int widest(String text) {
        return text.lines().mapToInt(String::length).max().orElse(0);
    }
}
