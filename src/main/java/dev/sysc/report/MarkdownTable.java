package dev.sysc.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The one Markdown (GFM) table writer of the renderers. Every cell is escaped: a {@code |} would end the cell
 * and a line break would end the row, so they become {@code \|} and a space.
 */
final class MarkdownTable {
    private final StringBuilder sb = new StringBuilder();

    /**
     * A table with these column headers and one alignment rule per column, such as {@code "---"} (left) or
     * {@code "---:"} (right).
     */
    MarkdownTable(List<String> headers, List<String> rules) {
        if (headers.size() != rules.size()) {
            throw new IllegalArgumentException(headers.size() + " headers but " + rules.size() + " rules");
        }
        line(headers);
        sb.append('|');
        for (String r : rules) {
            sb.append(r).append('|');
        }
        sb.append('\n');
    }

    /** Every column left-aligned. */
    static MarkdownTable left(String... headers) {
        return new MarkdownTable(List.of(headers), List.of(repeat("---", headers.length)));
    }

    /** The first {@code leftColumns} left-aligned, the rest (figures) right-aligned. */
    static MarkdownTable withFigures(int leftColumns, String... headers) {
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < headers.length; i++) {
            rules.add(i < leftColumns ? "---" : "---:");
        }
        return new MarkdownTable(List.of(headers), rules);
    }

    MarkdownTable row(Object... cells) {
        List<String> out = new ArrayList<>();
        for (Object c : cells) {
            out.add(c == null ? "" : c.toString());
        }
        line(out);
        return this;
    }

    MarkdownTable row(List<String> cells) {
        line(cells);
        return this;
    }

    /** {@code `name`}: code in a cell, escaped like any other text. */
    static String code(String s) {
        return "`" + s + "`";
    }

    /** A cell's text: {@code |} escaped, line breaks as spaces. */
    static String escape(String s) {
        return s.replace("|", "\\|").replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }

    private void line(List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            // An empty cell is "| |", as GFM writers (and the earlier renderers) print it.
            sb.append(c.isEmpty() ? " |" : " " + escape(c) + " |");
        }
        sb.append('\n');
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    private static String[] repeat(String s, int n) {
        String[] out = new String[n];
        java.util.Arrays.fill(out, s);
        return out;
    }
}
