package dev.sysc.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Columns of text aligned with spaces; numeric columns align right. */
final class TextTable {
    private final List<String> headers;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();
    private final Map<Integer, Function<String, String>> colors = new HashMap<>();
    private String reset = "";

    TextTable(List<String> headers, boolean... rightAligned) {
        this.headers = headers;
        this.right = rightAligned;
    }

    /**
     * Colors column {@code column}: {@code colorOf} maps a cell's text to the escape sequence that
     * starts its color ("" for none). Colors are applied after padding, so alignment is unaffected.
     */
    TextTable color(int column, Function<String, String> colorOf, Style style) {
        colors.put(column, colorOf);
        reset = style.reset();
        return this;
    }

    void add(List<String> row) {
        rows.add(row);
    }

    String render() {
        int[] width = new int[headers.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = headers.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers, width, false);
        for (List<String> row : rows) {
            line(sb, row, width, true);
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, List<String> cells, int[] width, boolean colored) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            if (c > 0) {
                line.append("  ");
            }
            boolean alignRight = c < right.length && right[c];
            String color = colored && colors.containsKey(c) ? colors.get(c).apply(cell) : "";
            String padded = alignRight ? pad + cell : cell + pad;
            if (c == cells.size() - 1) {
                padded = padded.stripTrailing();
            }
            line.append(color.isEmpty() ? padded : color + padded + reset);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
